package org.iotb.firmware.services;

import org.iotb.firmware.testing.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.iotb.firmware.tree.FileTree;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boot model follows what a shell does at boot: loops over init directories, sourced files, variables. */
class BootServicesTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws Exception {
        TreeFiles.write(root, path, text);
    }

    private void link(String path, String target) throws Exception {
        TreeFiles.link(root, path, target);
    }

    private BootServices boot() throws Exception {
        return BootServices.discover(FileTree.index(root));
    }

    private Finding scan(String check) throws Exception {
        return TreeFiles.scan(root, check);
    }

    /**
     * An Alphanetworks SDK tree (D-Link DIR-600L/DIR-815/DIR-868L): no /etc/inittab (BusyBox init's built-in table),
     * rcS runs /etc/init.d/S??* and then /etc/init0.d/rcS, which starts every /etc/init0.d/S??* with "start".
     * S80telnetd.sh and image_sign are the lines of captn3m0/dir-600l (etc/init0.d/S80telnetd.sh at f98ddba,
     * etc/alpha_config/image_sign at 51ce1b1, placed where the script reads it); the two rcS files are the loops
     * public DIR-815/DIR-868L write-ups quote.
     */
    private void alphanetworks() throws Exception {
        write("bin/busybox", "\u007fELF not a real busybox, the name is what counts");
        link("sbin/init", "../bin/busybox");
        write("etc/init.d/rcS", "#!/bin/sh\nfor i in /etc/init.d/S??* ;do\n\t# Ignore dangling symlinks (if any).\n"
                + "\t[ ! -f \"$i\" ] && continue\n\t# Run the script.\n\techo \"[$i]\"\n\t$i\ndone\n"
                + "echo \"[$0] done!\"\n/etc/init0.d/rcS\n");
        write("etc/init.d/S10init.sh", "#!/bin/sh\nmount -t proc none /proc\nmount -t ramfs ramfs /var\n");
        write("etc/init0.d/rcS", "#!/bin/sh\nfor i in /etc/init0.d/S??* ; do $i start ; done\n");
        write("etc/init0.d/S80telnetd.sh", "#!/bin/sh\necho [$0]: $1 ... > /dev/console\n"
                + "is_default=`xmldbc -g /runtime/device/devconfsize`\n"
                + "if [ \"$1\" = \"start\" ] && [ \"$is_default\" = \"0\" ]; then\n"
                + "\tif [ -f \"/usr/sbin/login\" ]; then\n\t\timage_sign=`cat /etc/config/image_sign`\n"
                + "\t\ttelnetd -l /usr/sbin/login -u Alphanetworks:$image_sign -i br0 &\n\telse\n\t\ttelnetd &\n"
                + "\tfi\nelse\n\tkillall telnetd\nfi\n");
        write("etc/config/image_sign", "wrgn61_dlwbr_dir600L\n");
    }

    @Test
    void alphanetworksInitLoopsReachTheTelnetdWithItsFixedLogin() throws Exception {
        alphanetworks();
        BootServices b = boot();
        assertThat(b.sources()).contains("etc/init.d/rcS", "etc/init0.d/rcS", "etc/init0.d/S80telnetd.sh");
        assertThat(b.commands()).filteredOn(c -> c.program().equals("telnetd"))
                .extracting(BootCommand::source, BootCommand::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("etc/init0.d/S80telnetd.sh", 7),
                        org.assertj.core.groups.Tuple.tuple("etc/init0.d/S80telnetd.sh", 9));
        assertThat(b.variable("image_sign", "etc/init0.d/S80telnetd.sh", 7)).hasValueSatisfying(v -> {
            assertThat(v.value()).isEqualTo("wrgn61_dlwbr_dir600L");
            assertThat(v.file()).isEqualTo("etc/config/image_sign");
        });
        assertThat(b.fixedLogins()).singleElement().satisfies(l -> {
            assertThat(l.user()).isEqualTo("Alphanetworks");
            assertThat(l.password()).isEqualTo("wrgn61_dlwbr_dir600L");
            assertThat(l.passwordFile()).isEqualTo("etc/config/image_sign");
            assertThat(l.source() + ":" + l.line()).isEqualTo("etc/init0.d/S80telnetd.sh:7");
        });
        assertThat(b.limits()).isEmpty();
    }

    @Test
    void theTelnetCheckNamesTheFixedLoginAndTheCredentialCheckReportsIt() throws Exception {
        alphanetworks();
        Finding telnet = scan("fw.svc.telnet");
        assertThat(telnet.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(telnet.evidence().get(0).excerpt()).contains("telnetd -l /usr/sbin/login -u Alphanetworks:")
                .contains("with the fixed login Alphanetworks:wr******")
                .contains("(password read from etc/config/image_sign)")
                .doesNotContain("wrgn61_dlwbr_dir600L");
        Finding cred = scan("fw.cred.hardcoded");
        assertThat(cred.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(cred.evidence()).anySatisfy(e -> {
            assertThat(e.path() + ":" + e.line()).isEqualTo("etc/init0.d/S80telnetd.sh:7");
            assertThat(e.excerpt()).contains("user 'Alphanetworks'").contains("read from etc/config/image_sign")
                    .doesNotContain("dir600L");
            assertThat(e.fingerprint()).hasSize(64);
        });
    }

    @Test
    void withoutAnInittabBusyBoxInitGivesTheConsoleAShell() throws Exception {
        alphanetworks();
        assertThat(boot().consoles()).filteredOn(ConsoleEntry::builtIn).extracting(ConsoleEntry::tty)
                .containsExactly("", "tty2", "tty3", "tty4");
        Finding f = scan("fw.os.serial-shell");
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("sbin/init");
            assertThat(e.excerpt()).startsWith("console askfirst: -/bin/sh").contains("no /etc/inittab");
        });
        // an inittab that asks for a login replaces the built-in table
        write("etc/inittab", "::sysinit:/etc/init.d/rcS\nttyS0::respawn:/sbin/getty -L ttyS0 115200 vt100\n");
        assertThat(boot().consoles()).noneMatch(ConsoleEntry::builtIn);
        assertThat(scan("fw.os.serial-shell").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void anInitThatIsNotBusyBoxHasNoBuiltInShell() throws Exception {
        write("lib/systemd/systemd", "\u007fELF systemd");
        link("sbin/init", "../lib/systemd/systemd");
        assertThat(boot().consoles()).isEmpty();
    }

    @Test
    void sourcedFilesFindLoopsRunPartsAndVariablesAreFollowed() throws Exception {
        write("etc/inittab", "::sysinit:/etc/init.d/rcS\n");
        write("etc/init.d/rcS", "#!/bin/sh\n. /etc/profile.d/boot.sh\n"
                + "for i in `find /etc/rc.boot/ -name S\\* | sort` ;do\n  $i start\ndone\nrun-parts /etc/boot.d\n");
        write("etc/profile.d/boot.sh", "DAEMON=/usr/sbin/dropbear\n$DAEMON -p 22 &\nutelnetd -d\n");
        write("etc/rc.boot/S50ftp", "#!/bin/sh\nbftpd -d\n");
        write("etc/rc.boot/K50ftp", "#!/bin/sh\nvsftpd\n");
        write("etc/boot.d/tftp", "#!/bin/sh\natftpd --daemon /tmp\n");
        BootServices b = boot();
        assertThat(b.commands()).extracting(BootCommand::program).contains("utelnetd", "bftpd", "atftpd")
                .doesNotContain("vsftpd");
        assertThat(b.variables().get("DAEMON")).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo("/usr/sbin/dropbear"));
    }

    @Test
    void functionLibrariesAreNotReadAsBootScripts() throws Exception {
        // OpenWrt 12.09's sbin/mount_root (the MR3020 LibraryBox image): it sources every /lib/preinit/* file, which
        // only defines preinit hooks; 99_10_failsafe_login's telnetd runs in failsafe mode, not at boot
        write("etc/inittab", "::sysinit:/etc/init.d/rcS S boot\n");
        write("etc/init.d/rcS", "#!/bin/sh\n. /lib/functions.sh\nsource /etc/diag.sh\n/sbin/mount_root\n");
        write("sbin/mount_root", "#!/bin/sh\nfor pi_source_file in /lib/preinit/*; do\n\t. $pi_source_file\ndone\n");
        write("lib/preinit/99_10_failsafe_login", "failsafe_netlogin () {\n    telnetd -l /bin/login.sh <> /dev/null 2>&1\n}\n"
                + "boot_hook_add failsafe failsafe_netlogin\n");
        write("lib/functions.sh", "service_start() {\n\tstart-stop-daemon -S -x utelnetd\n}\n");
        write("etc/diag.sh", "#!/bin/sh\nset_state() {\n\tledd -s $1\n}\n");
        BootServices b = boot();
        assertThat(b.sources()).contains("sbin/mount_root", "etc/diag.sh")
                .doesNotContain("lib/preinit/99_10_failsafe_login", "lib/functions.sh");
        assertThat(b.commands()).extracting(BootCommand::program).contains("ledd")
                .doesNotContain("telnetd", "utelnetd");
    }

    @Test
    void openWrtStartScriptsRunWhenTheImageHasNoRcdLinks() throws Exception {
        write("etc/inittab", "::sysinit:/etc/init.d/rcS S boot\n");
        write("etc/init.d/rcS", "#!/bin/sh\nrun_scripts() {\n\tfor i in /etc/rc.d/$1*; do\n"
                + "\t\t[ -x $i ] && $i $2 2>&1\n\tdone\n}\nrun_scripts \"$1\" \"$2\"\n");
        write("etc/init.d/telnet", "#!/bin/sh /etc/rc.common\nSTART=50\nstart() {\n\ttelnetd -l /bin/login.sh\n}\n");
        write("etc/init.d/disabled", "#!/bin/sh\n# no rc.common, no START\nvsftpd\n");
        BootServices b = boot();
        assertThat(b.commands()).extracting(BootCommand::program).contains("telnetd").doesNotContain("vsftpd");
        // with rc.d links present, only the linked scripts run
        write("etc/rc.d/S10boot", "#!/bin/sh /etc/rc.common\nSTART=10\n");
        assertThat(boot().commands()).extracting(BootCommand::program).doesNotContain("telnetd");
    }

    @Test
    void inetdConfCountsWhenTheImageInstallsInetd() throws Exception {
        // the Huawei HG532e shape: rcS never names inetd, but busybox's inetd applet is installed with inetd.conf
        write("etc/inittab", "::sysinit:/etc/init.d/rcS\n");
        write("etc/init.d/rcS", "#!/bin/sh\nmount -a\n/bin/mic &\n");
        write("etc/inetd.conf", "telnet  stream  tcp     nowait  root    /bin/telnetd telnetd\n");
        write("bin/busybox", "\u007fELF");
        Finding f = scan("fw.svc.telnet");
        assertThat(f.outcome()).as("no inetd anywhere: inetd.conf serves nothing").isEqualTo(Outcome.PASS);
        link("bin/inetd", "busybox");
        f = scan("fw.svc.telnet");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path() + ":" + e.line()).isEqualTo("etc/inetd.conf:1");
            assertThat(e.excerpt()).contains("inetd installed at bin/inetd");
        });
    }

    @Test
    void inetdConfCountsWhenAVendorInetdManagerIsInstalled() throws Exception {
        // the Huawei HG532e as shipped: no inetd program at all; bin/mic (started by the vendor's cms, which no boot
        // script names) exports ATP_MIC_InetdLaunchApp and serves etc/inetd.conf itself
        write("etc/inittab", "::sysinit:/etc/init.d/rcS\n::respawn:-/bin/sh\n");
        write("etc/init.d/rcS", "#!/bin/sh\n/bin/echo \"rcs\"\nPATH=/sbin:/bin:/usr/bin:/usr/sbin\nexport PATH\n");
        write("etc/inetd.conf", "echo\tstream\ttcp\tnowait\troot\tinternal\n"
                + "ftp\tstream\ttcp\tnowait\troot\t/bin/ftpd ftpd\n"
                + "telnet\tstream  tcp \tnowait  root    /bin/telnetd telnetd -L /bin/login\n");
        write("bin/busybox", "\u007fELF\u0000\u0000inetd\u0000telnetd\u0000");
        write("bin/cms", "\u007fELF\u0000\u0000ATP_MSG_SendMsg\u0000");
        Finding f = scan("fw.svc.telnet");
        assertThat(f.outcome()).as("no inetd anywhere: inetd.conf serves nothing").isEqualTo(Outcome.PASS);
        write("bin/mic", "\u007fELF\u0000\u0000ATP_MIC_InetdLaunchApp\u0000ATP_MIC_InetdMngrInit\u0000");
        f = scan("fw.svc.telnet");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path() + ":" + e.line()).isEqualTo("etc/inetd.conf:3");
            assertThat(e.excerpt()).contains("via inetd.conf; inetd started outside the boot scripts")
                    .contains("bin/mic");
        });
        assertThat(scan("fw.svc.ftp").outcome()).isEqualTo(Outcome.FAIL);
        // a boot script that comments inetd out switched it off (the 2009 Broadcom rootfs: "#/sbin/inetd")
        write("etc/init.d/rcS", "#!/bin/sh\nmount -a\n#/sbin/inetd\n");
        assertThat(scan("fw.svc.telnet").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void ralinkSdkBootFilesInEtcRoAreRead() throws Exception {
        // the Trident V7209 (Ralink SDK) layout: /etc is made at run time from the read-only /etc_ro
        write("etc_ro/inittab", "::sysinit:/etc_ro/rcS\nttyS1::respawn:/bin/sh\n");
        write("etc_ro/rcS", "#!/bin/sh\nmount -a\nmkdir -p /var/run\ntelnetd\ngoahead &\n");
        BootServices b = boot();
        assertThat(b.sources()).contains("etc_ro/inittab", "etc_ro/rcS");
        assertThat(b.commands()).extracting(c -> c.program() + "@" + c.source() + ":" + c.line())
                .contains("telnetd@etc_ro/rcS:4", "goahead@etc_ro/rcS:5");
        Finding f = scan("fw.svc.telnet");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(e -> e.path() + ":" + e.line()).containsExactly("etc_ro/rcS:4");
        // an image with its own /etc boot files keeps them: etc_ro is then only a copy source
        write("etc/inittab", "::sysinit:/etc/init.d/rcS\n");
        write("etc/init.d/rcS", "#!/bin/sh\nmount -a\n");
        assertThat(boot().sources()).doesNotContain("etc_ro/inittab", "etc_ro/rcS");
    }

    @Test
    void hostileTreesAreReadWithinBounds() throws Exception {
        write("etc/inittab", "::sysinit:/etc/init.d/rcS\n");
        write("etc/init.d/rcS", "#!/bin/sh\nfor i in /etc/many/* ; do $i ; done\n. /etc/init.d/rcS\n");
        for (int i = 0; i < BootServices.MAX_GLOB + 20; i++) {
            write("etc/many/s" + String.format("%04d", i), "#!/bin/sh\ntrue\n");
        }
        BootServices b = boot();
        assertThat(b.limits()).singleElement().satisfies(l -> assertThat(l).startsWith("glob limit: /etc/many/*"));
        assertThat(b.sources()).hasSize(1 + 1 + BootServices.MAX_GLOB); // inittab, rcS (read once), the glob's share
    }

    @Test
    void globsBecomePathRegexes() {
        assertThat(BootServices.globRegex("/etc/init0.d/S??*").matcher("etc/init0.d/S80telnetd.sh").matches()).isTrue();
        assertThat(BootServices.globRegex("/etc/init0.d/S??*").matcher("etc/init0.d/S8").matches()).isFalse();
        assertThat(BootServices.globRegex("/etc/rc.d/$1*").matcher("etc/rc.d/S10boot").matches()).isTrue();
        assertThat(BootServices.globRegex("/etc/rc[0-9].d/S*").matcher("etc/rc3.d/S20x").matches()).isTrue();
        assertThat(BootServices.globRegex("/etc/init.d/S*").matcher("etc/init.d/sub/S1").matches()).isFalse();
    }

    @Test
    void aTelnetdWithItsLoginIsNotADebugShell() throws Exception {
        alphanetworks();
        Finding debug = scan("fw.svc.debug");
        assertThat(debug.outcome()).as(debug.message()).isEqualTo(Outcome.PASS);
    }
}
