package org.iotb.firmware.checks.cred;

import org.iotb.firmware.testing.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.iotb.firmware.tree.FileTree;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vendor default credentials: the cracking list's vendor entries and logins in vendor configuration files. */
class VendorCredentialsTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws Exception {
        TreeFiles.write(root, path, text);
    }

    private Finding scan(String check) throws Exception {
        return TreeFiles.scan(root, check);
    }

    @Test
    void theTpLinkRootHashIsTheVendorDefaultSohoadmin() throws Exception {
        // etc/shadow of the TP-Link TL-WR841N v10 3.16.9 image (../shared/samples/firmware), byte for byte
        write("etc/shadow", "root:$1$GTN.gpri$DlSyKvZKMR9A9Uj9e9wR3/:15502:0:99999:7:::\n");
        assertThat(CryptVerifier.matches("$1$GTN.gpri$DlSyKvZKMR9A9Uj9e9wR3/", "sohoadmin")).isTrue();
        assertThat(DefaultCredentials.candidatesFor("root")).contains("sohoadmin");
        Finding f = scan("fw.cred.default-password");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path() + ":" + e.line()).isEqualTo("etc/shadow:1");
            assertThat(e.excerpt()).isEqualTo("root: MD5 crypt, password found in default list ('sohoadmin')");
        });
    }

    @Test
    void anEmptySaltMd5HashIsCrackedToo() throws Exception {
        // etc/shadow of the TP-Link TL-MR3020 v1 3.17.2 image (real-extra): MD5 crypt with an empty salt, which
        // commons-codec refuses; `openssl passwd -1 -salt '' 5up` prints the same hash
        write("etc/shadow", "root:$1$$zdlNHiCDxYDfeF4MZL.H3/:10933:0:99999:7:::\n"
                + "Admin:$1$$zdlNHiCDxYDfeF4MZL.H3/:10933:0:99999:7:::\nbin::10933:0:99999:7:::\n");
        assertThat(CryptVerifier.md5CryptEmptySalt("5up".getBytes())).isEqualTo("$1$$zdlNHiCDxYDfeF4MZL.H3/");
        assertThat(CryptVerifier.matches("$1$$zdlNHiCDxYDfeF4MZL.H3/", "5up")).isTrue();
        assertThat(CryptVerifier.matches("$1$$zdlNHiCDxYDfeF4MZL.H3/", "5uP")).isFalse();
        Finding f = scan("fw.cred.default-password");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::excerpt).containsExactly(
                "root: MD5 crypt, password found in default list ('5up')",
                "Admin: MD5 crypt, password found in default list ('5up')");
    }

    /** The login lines of Tenda's webroot_ro/default.cfg (fbraz3/tenda-ac10-firmware at 7c3ae38), in file order. */
    private void tendaDefaultCfg() throws Exception {
        write("webroot_ro/default.cfg", "\n##PC管理软件参数\nadv.ddns1.pwd=\nadv.ddns1.user=\n"
                + "wan1.l2tp.pw=\nwan1.l2tp.user=\nsys.baseusername=user\nsys.baseuserpass=user\nsys.hostname=Tenda\n"
                + "sys.username=admin\nsys.userpass=\nsys.vendor=Tenda\nusb.ftp.pwd=admin\nusb.ftp.user=admin\n"
                + "usb.samba.pwd=admin\nusb.samba.user=admin\nusb.samba.guest.user=guest\nusb.samba.guest.pwd=guest\n"
                + "wl2g.ssid0.wpapsk_psk=\n");
    }

    @Test
    void tendaDefaultCfgPairsAreParsed() throws Exception {
        tendaDefaultCfg();
        assertThat(ConfigCredentials.read(FileTree.index(root)))
                .extracting(l -> l.userKey() + "=" + l.user() + " " + l.passwordKey() + "=" + l.password())
                .containsExactly("sys.baseusername=user sys.baseuserpass=user", "sys.username=admin sys.userpass=",
                        "usb.ftp.user=admin usb.ftp.pwd=admin", "usb.samba.user=admin usb.samba.pwd=admin",
                        "usb.samba.guest.user=guest usb.samba.guest.pwd=guest");
    }

    @Test
    void tendaFactoryLoginsAreDefaultAndEmptyPasswordFindings() throws Exception {
        tendaDefaultCfg();
        Finding def = scan("fw.cred.default-password");
        assertThat(def.outcome()).as(def.message()).isEqualTo(Outcome.FAIL);
        assertThat(def.evidence()).extracting(Evidence::line).containsExactly(8, 13, 15, 18);
        assertThat(def.evidence().get(0).excerpt()).isEqualTo("vendor default configuration: sys.baseusername=user,"
                + " sys.baseuserpass='user' (password equals the user name)");
        Finding empty = scan("fw.cred.empty-password");
        assertThat(empty.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(empty.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path() + ":" + e.line()).isEqualTo("webroot_ro/default.cfg:11");
            assertThat(e.excerpt()).contains("sys.username=admin with an empty sys.userpass");
        });
    }

    @Test
    void nvramDefaultsAndUciLoginsAreRead() throws Exception {
        write("etc/nvram.default", "lan_ipaddr=192.168.1.1\nhttp_username=admin\nhttp_passwd=admin\n");
        // OpenWrt: rpcd's "$p$root" means "the system password of root"; a PPPoE uplink login is not the device's
        write("etc/config/rpcd", "config login\n\toption username 'root'\n\toption password '$p$root'\n");
        write("etc/config/network", "config interface 'wan'\n\toption proto 'pppoe'\n\toption username 'isp'\n"
                + "\toption password ''\n");
        write("etc/config/uhttpd", "config login 'web'\n\toption username 'admin'\n\toption password 'admin'\n");
        Finding def = scan("fw.cred.default-password");
        assertThat(def.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(def.evidence()).extracting(e -> e.path() + ":" + e.line())
                .containsExactlyInAnyOrder("etc/nvram.default:3", "etc/config/uhttpd:3");
        assertThat(scan("fw.cred.empty-password").outcome()).isEqualTo(Outcome.NOT_RUN);
    }

    @Test
    void iniSectionsArePairedOneLoginPerSection() throws Exception {
        // mnt/mtd/ipc/conf/config_user.ini of the Neo Coolcam B18EV1007.4.1 camera image: blank-padded quoted values,
        // one [userN] section per account, unused sections with an empty user name
        StringBuilder ini = new StringBuilder();
        String[][] users = {{"admin", "15"}, {"user", "3"}, {"guest", "1"}, {"", "3"}};
        for (int i = 0; i < users.length; i++) {
            String u = String.format("%-15s", users[i][0]);
            ini.append(String.format("%-49s%n", "[user" + i + "]"))
                    .append(String.format("%-31s= \"%s\"%n", "username", u))
                    .append(String.format("%-31s= \"%s\"%n", "password", u))
                    .append(String.format("%-31s= \"%-15s\"%n", "authtype", users[i][1]))
                    .append(String.format("%-31s= \"%-15s\"%n", "authgroup", ""));
        }
        write("mnt/mtd/ipc/conf/config_user.ini", ini.toString());
        assertThat(ConfigCredentials.read(FileTree.index(root)))
                .extracting(l -> l.user() + ":" + l.password() + "@" + l.line() + " " + l.format())
                .containsExactly("admin:admin@3 ini", "user:user@8 ini", "guest:guest@13 ini");
        Finding def = scan("fw.cred.default-password");
        assertThat(def.outcome()).as(def.message()).isEqualTo(Outcome.FAIL);
        assertThat(def.evidence()).extracting(e -> e.path() + ":" + e.line()).containsExactly(
                "mnt/mtd/ipc/conf/config_user.ini:3", "mnt/mtd/ipc/conf/config_user.ini:8",
                "mnt/mtd/ipc/conf/config_user.ini:13");
        assertThat(scan("fw.cred.empty-password").outcome()).isEqualTo(Outcome.NOT_RUN);
    }

    @Test
    void configsWithoutLoginsChangeNothing() throws Exception {
        write("etc/app.cfg", "log.level=3\nwan.username=isp@example\nwan.password=\nuser.theme=dark\n");
        assertThat(scan("fw.cred.default-password").outcome()).isEqualTo(Outcome.NOT_RUN);
        assertThat(scan("fw.cred.empty-password").outcome()).isEqualTo(Outcome.NOT_RUN);
    }
}
