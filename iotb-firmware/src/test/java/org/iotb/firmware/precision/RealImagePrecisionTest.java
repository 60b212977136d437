package org.iotb.firmware.precision;

import org.iotb.firmware.testing.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iotb.firmware.elf.ElfFile;
import org.iotb.firmware.elf.ElfHardening;
import org.iotb.firmware.support.TestInputs;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * False positives and negatives found by running the checks over the real images of the shared samples
 * (TP-Link WR841N/WR702N, Huawei HG532e, the 2009 Broadcom rootfs). Each test rebuilds the shape of the string
 * or file that misled a check, so the fix stays in the rule or check rather than in a special case.
 */
class RealImagePrecisionTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws Exception {
        TreeFiles.write(root, path, text);
    }

    private void binaryWithStrings(String path, String... strings) throws Exception {
        TreeFiles.binaryWithStrings(root, path, strings);
    }

    private Finding scan(String check) throws Exception {
        return TreeFiles.scan(root, check);
    }

    @Test
    void soapActionNamespacesAndTemplatePlaceholdersAreNotEndpoints() throws Exception {
        // strings of TP-Link's hostapd (WPS defaults) and httpd (UPnP SOAP action) in WR841N v10 3.16.9
        binaryWithStrings("sbin/hostapd", "http://manufacturer.url.here", "http://model.url.here");
        binaryWithStrings("usr/bin/httpd", "SOAPAction: \"http://tempuri.org/GetMiscInfo\"");
        Finding f = scan("fw.net.plaintext-endpoint");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isEqualTo(Outcome.PASS);
        // a real plaintext endpoint in a binary (Huawei HG532e's GnuDIP DDNS client) is still reported
        binaryWithStrings("bin/ddns", "Referer:http://ns.eagleeyes.com.cn/cgi-bin/gnudip.cgi");
        f = scan("fw.net.plaintext-endpoint");
        assertThat(f.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("bin/ddns");
    }

    @Test
    void webLinksForTheUserAndHelpProseAreNotDeviceEndpoints() throws Exception {
        // lines of TP-Link's web UI: a registration link, a pop-up and a help page's worked example
        write("web/userRpm/DynDdnsRpm.htm", "<TR><TD>\n&nbsp;<A href=\"javascript:goUrl('http://dyn.com/dns');\""
                + " onMouseOver=\"return ResetStatus();\" id=\"t_register\">Go to register...</A>\n</TD></TR>\n");
        write("web/help/DynDdnsHelpRpm.htm", "<SCRIPT>function doOpen(){ tpNewWin = window.open(\"http://dyn.com\","
                + "\"\",\"\" );}</SCRIPT>\n");
        write("web/help/ManageControlHelpRpm.htm", "<P>For example, if your Router's WAN address is 202.96.12.8\n"
                + "and you use port number 8080, enter http://202.96.12.8:8080 in your browser.</P>\n");
        Finding f = scan("fw.net.plaintext-endpoint");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isEqualTo(Outcome.PASS);
        // a page that loads a script over plain HTTP from a remote host is still reported
        write("web/index.htm", "<script src=\"http://cdn.vendor-cloud.cn/ui.js\"></script>\n");
        f = scan("fw.net.plaintext-endpoint");
        assertThat(f.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("web/index.htm");
    }

    @Test
    void webUiUnchangedPasswordMarkerIsNotACredential() throws Exception {
        // Huawei HG532e web pages: the password field is pre-filled with a fixed marker, and the page checks
        // whether the user replaced it; the marker is no password of the device
        write("2371640-lzma/data", "this.UserName = UserName;\nif (PasswordIsNull == 1)\n{\nthis.Password = '';\n}\nelse\n{\n"
                + "this.Password = '@1GV)Z<!';\n}\n");
        // as unpacked from the LZMA blobs of the packet: no extension, so not classified as a web file
        write("2336415-lzma/data", "<html><script>\nif (getValue('Password') != '@1GV)Z<!')\n{\nSubmitForm.addParameter('x.Password',"
                + " getValue('Password'));\n}\n");
        Finding f = scan("fw.cred.hardcoded");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isEqualTo(Outcome.PASS);
        // a literal that is not compared with a form field stays a hard-coded credential
        write("html/cloud.asp", "this.Password = 'Xk9#qL2!vR7p';\n");
        f = scan("fw.cred.hardcoded");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("html/cloud.asp");
    }

    @Test
    void busyboxAppletsAloneAreNotReportedAsZeroInstalledTools() throws Exception {
        // examples/smart-lock: a busybox with devmem/i2cset compiled in and no debug tool installed
        binaryWithStrings("bin/busybox", "BusyBox v1.36.1", "devmem", "i2cset", "i2cget");
        Finding f = scan("fw.dev.debug-tools");
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.WARNING);
        assertThat(f.message()).isEqualTo("busybox has debug applets compiled in").doesNotContain("0 debug tool");
        binaryWithStrings("usr/bin/gdbserver", "GNU gdbserver");
        f = scan("fw.dev.debug-tools");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.message()).isEqualTo("1 debug tool(s) installed; busybox has debug applets compiled in");
    }

    @Test
    @Tag("integration")
    void importingSrandAndTimeIsInformationNotAWeakness() throws Exception {
        Path busybox = TestInputs.samples().resolve("elf/router_busybox_mips32be_uclibc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(busybox), "sample busybox missing");
        Files.createDirectories(root.resolve("bin"));
        Files.copy(busybox, root.resolve("bin/busybox"));
        Finding f = scan("fw.crypto.weak-random");
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.INFO);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("bin/busybox");
        assertThat(f.message()).contains("capability, not its use");
        // a script that really seeds the PRNG with the time still fails, and the import stays out of the verdict
        write("usr/lib/token.lua", "math.randomseed(os.time())\nlocal t = math.random(100000, 999999)\n");
        f = scan("fw.crypto.weak-random");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("usr/lib/token.lua");
    }

    @Test
    void inetdConfServesNothingWhenBootNeverStartsInetd() throws Exception {
        // the 2009 Broadcom ADSL rootfs: inetd.conf lists ftp and telnet, rcS has inetd commented out
        write("etc/inittab", "::sysinit:/etc/init.d/rcS\n::respawn:-/bin/sh\n");
        write("etc/init.d/rcS", "#! /bin/sh\n\nPATH=/sbin:/bin\nexport PATH\n\nmount -t proc proc /proc\n"
                + "/bin/mount -a\n#/sbin/inetd");
        write("etc/inetd.conf", "echo\tstream\ttcp\tnowait\troot\tinternal\n"
                + "ftp\tstream\ttcp\tnowait\troot\t/bin/ftpd ftpd\n"
                + "telnet\tstream  tcp \tnowait  root    /bin/telnetd telnetd -L /bin/login\n");
        assertThat(scan("fw.svc.telnet").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scan("fw.svc.ftp").outcome()).isEqualTo(Outcome.PASS);
        // once rcS starts inetd, its entries are services
        write("etc/init.d/rcS", "#! /bin/sh\nmount -t proc proc /proc\n/sbin/inetd\n");
        Finding f = scan("fw.svc.telnet");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("etc/inetd.conf");
    }

    @Test
    void openWrtUciSwitchThatEnablesUpnpIsAServiceStart() throws Exception {
        // IoTGoat's /etc (a fragment without init.d): UPnP switched on, with secure_mode off
        write("etc/config/upnpd", "config upnpd config\n        option enabled          1\n"
                + "        option enable_upnp      1\n        option secure_mode      0\n");
        write("etc/rc.local", "/usr/bin/shellback &\ntelnetd -p 65534 &\nexit 0\n");
        Finding f = scan("fw.svc.upnp");
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path, Evidence::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("etc/config/upnpd", 2));
        // switched off, or its init script present but not linked from rc.d: not started
        write("etc/config/upnpd", "config upnpd config\n        option enabled          '0'\n");
        assertThat(scan("fw.svc.upnp").outcome()).isEqualTo(Outcome.PASS);
        write("etc/config/upnpd", "config upnpd config\n        option enabled          1\n");
        write("etc/init.d/miniupnpd", "#!/bin/sh /etc/rc.common\nSTART=94\n");
        write("etc/rc.d/S19dnsmasq", "#!/bin/sh\n");
        assertThat(scan("fw.svc.upnp").outcome()).isEqualTo(Outcome.PASS);
        write("etc/rc.d/S94miniupnpd", "#!/bin/sh /etc/rc.common\nSTART=94\n");
        assertThat(scan("fw.svc.upnp").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    @Tag("integration")
    void dropbearKeyUnderAVendorNameIsFoundByContent() throws Exception {
        TestInputs.requireTools("dropbearkey");
        Path key = root.resolve("etc/rsa_host_key"); // the Broadcom rootfs's name for its Dropbear RSA key
        Files.createDirectories(key.getParent());
        run("dropbearkey", "-t", "rsa", "-s", "1024", "-f", key.toString());
        // the public half in the same wire format is not a private key
        Path pub = root.resolve("etc/rsa_host_key.pubblob");
        byte[] k = Files.readAllBytes(key);
        Files.write(pub, publicBlob(k));
        Finding f = scan("fw.key.ssh-host-key");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("etc/rsa_host_key");
        assertThat(f.evidence().get(0).excerpt()).contains("Dropbear RSA private key");
        Files.delete(key);
        assertThat(scan("fw.key.ssh-host-key").outcome()).isEqualTo(Outcome.PASS);
    }

    /** The "ssh-rsa", e, n prefix of a Dropbear RSA key: what a public-key blob holds. */
    private static byte[] publicBlob(byte[] key) {
        int pos = 0;
        for (int i = 0; i < 3; i++) {
            int len = ((key[pos] & 0xff) << 24) | ((key[pos + 1] & 0xff) << 16) | ((key[pos + 2] & 0xff) << 8)
                    | (key[pos + 3] & 0xff);
            pos += 4 + len;
        }
        return java.util.Arrays.copyOf(key, pos);
    }

    @Test
    @Tag("integration")
    void uclibcStyleLibraryWithAnInterpreterIsALibraryNotAnExecutable() throws Exception {
        TestInputs.requireTools("gcc");
        // uClibc 0.9.30 libraries (libcrypt-0.9.30.so in TP-Link WR841N) carry PT_INTERP and DT_SONAME
        Path src = root.resolve("lib.c");
        Files.writeString(src, "const char interp[] __attribute__((section(\".interp\"))) = \"/lib/ld-uClibc.so.0\";\n"
                + "int crypt_stub(void) { return 1; }\n");
        Path lib = root.resolve("libcrypt-0.9.30.so");
        run("gcc", "-shared", "-fPIC", "-o", lib.toString(), src.toString(), "-Wl,-soname,libcrypt.so.0");
        ElfFile elf = ElfFile.parse(Files.readAllBytes(lib));
        assertThat(elf.interpreter()).isEqualTo("/lib/ld-uClibc.so.0");
        assertThat(ElfHardening.of(elf, null).kind()).isEqualTo(ElfHardening.Kind.SHARED_LIBRARY);
        assertThat(ElfHardening.of(elf, null).staticLinked()).isFalse();
        // a PIE executable stays an executable
        Path main = root.resolve("main.c");
        Files.writeString(main, "int main(void) { return 0; }\n");
        Path exe = root.resolve("prog");
        run("gcc", "-fPIE", "-pie", "-o", exe.toString(), main.toString());
        assertThat(ElfHardening.of(ElfFile.parse(Files.readAllBytes(exe)), null).kind())
                .isEqualTo(ElfHardening.Kind.EXECUTABLE);
        // the PIE check therefore does not judge the library, and its wording names executables
        Files.delete(src);
        Files.delete(main);
        Finding f = scan("fw.elf.pie");
        assertThat(f.outcome()).isEqualTo(Outcome.PASS);
        assertThat(f.message()).startsWith("1 ELF file(s) judged");
        // wording: PIE counts executables only; NX says whether PT_GNU_STACK is missing or asks for RWX
        Path nopie = root.resolve("bin/nopie");
        Files.createDirectories(nopie.getParent());
        Path c = root.resolve("m.c");
        Files.writeString(c, "int main(void) { return 0; }\n");
        run("gcc", "-no-pie", "-Wl,-z,execstack", "-o", nopie.toString(), c.toString());
        Files.delete(c);
        f = scan("fw.elf.pie");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.message()).isEqualTo("1 of 2 executable(s) are not position independent (no PIE)"
                + " (2 ELF file(s) judged)");
        f = scan("fw.elf.nx");
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("bin/nopie");
        assertThat(f.evidence().get(0).excerpt()).endsWith("executable: PT_GNU_STACK requests an RWX stack");
        assertThat(f.message()).startsWith("1 of 3 ELF file(s) have an executable stack (1 executable(s), 0 shared libraries;");
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    }
}
