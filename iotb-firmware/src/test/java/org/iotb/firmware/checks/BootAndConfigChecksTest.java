package org.iotb.firmware.checks;

import org.iotb.firmware.testing.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precision cases: things that look like weaknesses to a grep but are not. */
class BootAndConfigChecksTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws Exception {
        TreeFiles.write(root, path, text);
    }

    private Finding scan(String check) throws Exception {
        return scan(check, Map.of());
    }

    private Finding scan(String check, Map<String, String> env) throws Exception {
        List<Finding> f = new FirmwareScanner().scan(root, FirmwareScanOptions.defaults()
                .withChecks(Set.of(check)).withBootEnv(env));
        return f.get(0);
    }

    @Test
    void stoppingOrTestingForTelnetdIsNotStartingIt() throws Exception {
        write("etc/inittab", "::sysinit:/etc/init.d/rcS\n");
        write("etc/init.d/rcS", "#!/bin/sh\nkillall telnetd\n[ -x /usr/sbin/telnetd ] && echo present\n"
                + "# telnetd -l /bin/sh\nlogger \"telnetd disabled\"\n");
        assertThat(scan("fw.svc.telnet").outcome()).isEqualTo(Outcome.PASS);
        write("etc/init.d/rcS", "#!/bin/sh\nif [ -f /etc/debug ]; then busybox telnetd -l /bin/sh; fi\n");
        Finding f = scan("fw.svc.telnet");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence().get(0).line()).isEqualTo(2);
        assertThat(scan("fw.svc.debug").outcome()).as("telnetd -l /bin/sh is a backdoor shell").isEqualTo(Outcome.FAIL);
    }

    @Test
    void systemdAndInetdStartsAreSeen() throws Exception {
        write("etc/systemd/system/multi-user.target.wants/ftp.service", "[Service]\nExecStart=/usr/sbin/vsftpd /etc/vsftpd.conf\n");
        // inetd.conf entries run only because a unit starts inetd (see RealImagePrecisionTest for the converse)
        write("etc/systemd/system/multi-user.target.wants/inetd.service", "[Service]\nExecStart=/usr/sbin/inetd -i\n");
        write("etc/inetd.conf", "tftp dgram udp wait root /usr/sbin/in.tftpd in.tftpd -s /srv\n");
        assertThat(scan("fw.svc.ftp").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scan("fw.svc.tftp").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void serialGettyWithLoginPassesAndScriptRunsAreNotShells() throws Exception {
        write("etc/inittab", "::sysinit:/etc/init.d/rcS\nttyS0::respawn:/sbin/getty -L ttyS0 115200 vt100\n"
                + "::once:/bin/sh /etc/firstboot.sh\n::askconsole:/usr/libexec/login.sh\n");
        assertThat(scan("fw.os.serial-shell").outcome()).isEqualTo(Outcome.PASS);
        write("etc/inittab", "::askfirst:-/bin/ash --login\n");
        assertThat(scan("fw.os.serial-shell").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void bootdelayFollowsUbootSemantics() throws Exception {
        assertThat(scan("fw.os.bootdelay").outcome()).isEqualTo(Outcome.NOT_RUN);
        assertThat(scan("fw.os.bootdelay", Map.of("bootdelay", "-2")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(scan("fw.os.bootdelay", Map.of("bootdelay", "0")).outcome()).isEqualTo(Outcome.WARNING);
        assertThat(scan("fw.os.bootdelay", Map.of("bootdelay", "5")).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scan("fw.os.bootdelay", Map.of("bootdelay", "5", "bootstopkeysha256", "ab")).outcome())
                .isEqualTo(Outcome.WARNING);
    }

    @Test
    void readOnlyRootAndSquashfsPass() throws Exception {
        assertThat(scan("fw.os.rootfs-writable").outcome()).isEqualTo(Outcome.NOT_RUN);
        write("etc/fstab", "/dev/mtdblock2 / squashfs defaults 0 0\n");
        assertThat(scan("fw.os.rootfs-writable").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scan("fw.os.rootfs-writable", Map.of("bootargs", "console=ttyS0 root=/dev/mmcblk0p2 rw"))
                .outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void secretsScannerIgnoresPlaceholdersAndPamButFindsRealValues() throws Exception {
        write("etc/pam.d/common-password", "password required pam_unix.so sha512\n");
        write("etc/app.conf", "password=\"$PASSWORD\"\ntoken = \"<your token>\"\nsecret: \"xxxxxxxx\"\n");
        write("etc/mqtt.conf", "url = mqtt://${USER}:${PASS}@broker.example.net:1883\n");
        Finding none = scan("fw.cred.hardcoded");
        assertThat(none.outcome()).isEqualTo(Outcome.PASS);
        write("etc/app2.conf", "admin_password = \"admin\"\napi_key = \"f3a9C1x7Qp2LmZ8wK\"\n"
                + "url = mqtt://device:hunter2pass@broker.example.net:1883\n");
        Finding f = scan("fw.cred.hardcoded");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(e -> e.line()).containsExactly(1, 2, 3);
        assertThat(f.toString()).doesNotContain("f3a9C1x7Qp2LmZ8wK");
    }

    @Test
    void plaintextEndpointsIgnoreLocalNamespaceAndCommentedUrls() throws Exception {
        write("etc/app.conf", "# see http://vendor.com/docs\nxmlns=\"http://www.w3.org/2000/svg\"\n"
                + "local=http://192.168.1.1/cgi\nbroker=mqtt://localhost:1883\n");
        assertThat(scan("fw.net.plaintext-endpoint").outcome()).isEqualTo(Outcome.PASS);
        write("etc/app.conf", "broker=mqtt://iot.vendor-cloud.cn:1883\n");
        assertThat(scan("fw.net.plaintext-endpoint").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void pemTemplatesAreNotKeysButRealKeysAreFoundInBinaries() throws Exception {
        write("usr/share/template.txt", "-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n");
        assertThat(scan("fw.key.private-key").outcome()).isEqualTo(Outcome.PASS);
    }
}
