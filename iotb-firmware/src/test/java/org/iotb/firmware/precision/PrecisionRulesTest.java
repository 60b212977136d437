package org.iotb.firmware.precision;

import org.iotb.firmware.testing.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Precision rules of fw.net.plaintext-endpoint, fw.cred.hardcoded and the text-based rules (issue #18 "false
 * items", issue #12 item 4), each on the shape of the real line that misled a check: namespaces and links are not
 * endpoints, translations, comments and form builders are not credentials, manuals are not scripts. Every test
 * also shows that the real weakness beside the noise is still reported.
 */
class PrecisionRulesTest {
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
    void namespacesSchemasAndUpnpDescriptionLinksAreNotEndpoints() throws Exception {
        // HNAP (D-Link/TRENDnet/Alphanetworks web UIs and their httpd): the SOAP namespace and action URIs
        write("www/js/hnap.js", "var HNAP_XMLNS = \"http://purenetworks.com/HNAP1/\";\n"
                + "soapAction = 'http://purenetworks.com/HNAP1/' + method;\n");
        binaryWithStrings("usr/sbin/prog.cgi", "http://purenetworks.com/HNAP1/GetDeviceSettings",
                "<GetDeviceSettingsResponse xmlns=\"http://purenetworks.com/HNAP1/\">");
        // Neo Coolcam ipcam_upnp.xml: the UPnP description's links to the maker's and the model's pages
        write("mnt/mtd/ipc/conf/ipcam_upnp.xml", "<root xmlns=\"urn:schemas-upnp-org:device-1-0\">\n<device>\n"
                + "<manufacturerURL>http://www.hichip.net</manufacturerURL>\n"
                + "<modelURL>http://www.hichip.net/</modelURL>\n"
                + "<presentationURL>http://ipcam.vendor-portal.com/</presentationURL>\n</device>\n</root>\n");
        // a DTD and a vendor schema named in a config, and an ONVIF/WS-Security token type in a binary
        write("etc/device.xml", "<!-- see --> <config src=\"http://config.vendor-cloud.cn/schemas/device.xsd\"/>\n"
                + "<entity ref=\"http://config.vendor-cloud.cn/dtd/device.dtd\"/>\n");
        binaryWithStrings("mnt/mtd/ipc/onvif",
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText",
                "http://www.onvif.org/ver10/device/wsdl");
        Finding f = scan("fw.net.plaintext-endpoint");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isEqualTo(Outcome.PASS);
        // a real plaintext endpoint in the same config is still a failure
        write("etc/cloud.conf", "report_url=http://api.vendor-cloud.cn/v1/report\n");
        f = scan("fw.net.plaintext-endpoint");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("etc/cloud.conf");
    }

    @Test
    void linksAPersonOpensHelpProseCreditsAndCommentsAreNotEndpoints() throws Exception {
        // an <a> tag whose href sits on the next line, a navigation, a credit and help prose in binaries
        write("www/status.htm", "<a class=\"link\" target=\"_blank\"\n   href=\"http://www.vendor.com.cn/support\">"
                + "Support</a>\n<script>function go(){ window.location.href = \"http://www.vendor.com.cn/\"; }</script>\n");
        binaryWithStrings("bin/xtables-multi",
                "xt_recent by: Stephen Frost <sfrost@snowman.net>.  http://snowman.net/projects/ipt_recent/");
        binaryWithStrings("usr/bin/ntfs-3g", "Ntfs-3g news, support and information:  http://ntfs-3g.org",
                "http://ntfs-3g.org/support.html#unprivileged", "please see: http://ntfs-3g.org/support.html");
        // lighttpd.conf compiled into a program: its comment lines (Trident image)
        binaryWithStrings("usr/sbin/lighttpd", "## http://pixel.global-banlist.de./");
        // a commented-out line of a script and a login banner
        write("etc/init.d/S90cloud", "#!/bin/sh\n# old: wget http://fw.vendor-cloud.cn/check\nexit 0\n");
        write("etc/banner", "  build of http://www.friedzombie.com/openwrt/AA_backports/\n");
        Finding f = scan("fw.net.plaintext-endpoint");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isEqualTo(Outcome.PASS);
        // the same script calling the endpoint fails
        write("etc/init.d/S90cloud", "#!/bin/sh\nwget http://fw.vendor-cloud.cn/check -O /tmp/fw\n");
        f = scan("fw.net.plaintext-endpoint");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("etc/init.d/S90cloud");
    }

    @Test
    void translationsCommentsFormBuildersAndUiMasksAreNotCredentials() throws Exception {
        // UI translation tables (lang/*/translate.json; TOTOLINK N200RE www/language/cn.json)
        write("www/lang/zh_CN/translate.json", "{\n  \"Login Password\": \"登录密码\",\n  \"password\": \"Passwort1\"\n}\n");
        write("www/language/cn.json", "{\n\t\t\"pass\": \"无线密码\",\n\t\t\"token\": \"Token-Zeichen9\"\n}\n");
        // the same kind of word outside a translation folder
        write("www/js/tips.js", "var t = {pass: \"请输入密码\"};\n");
        // commented-out PHP trace lines and block comments
        write("www/php/login.php", "<?php\n//$password = \"Zx8#kP2qLm\"; echo $password;\n"
                + "# $pass = 'Qw3$rT5yU7';\n/* debug:\n   $secret = \"Lm4%nB6vC8\";\n*/\n$user = $_POST['user'];\n?>\n");
        // a JavaScript form builder and a selector
        write("www/js/form.js", "fields.push({type: 'password', id: 'ppp_pwd', pass: 'wan_ppp_pwd1'});\n"
                + "var pwd = \"#wan_password2\";\n");
        // a minified page: the text between two string literals is code (TOTOLINK www/advance/config.html)
        write("www/advance/config.html", "<script>var i=get_token_from_url(),o=\"\";\"\"!=i&&(o=i.split(\"token=\")[1]),"
                + "upload.fileUpload({data:t,url:this.importAction+\"&\"+o,success:function(t){}});</script>\n");
        // a UI mask the page shows in place of the password
        write("www/js/user.js", "this.Password = '!@#$%^&*';\n");
        Finding f = scan("fw.cred.hardcoded");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isEqualTo(Outcome.PASS);
        // a real credential next to them is still found
        write("www/php/cloud.php", "<?php\n$cloud_secret = \"Xk9#qL2!vR7p\"; // the device's cloud key\n?>\n");
        f = scan("fw.cred.hardcoded");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("www/php/cloud.php");
    }

    @Test
    void aProgramsBuiltInManualIsNotAScript() throws Exception {
        // curl carries its manual as a gzip stream; the unpacker writes it to curl.extracted/<offset>-gzip/data
        Path elf = root.resolve("usr/bin/curl");
        Files.createDirectories(elf.getParent());
        byte[] header = new byte[64];
        header[0] = 0x7f;
        header[1] = 'E';
        header[2] = 'L';
        header[3] = 'F';
        Files.write(elf, header);
        write("usr/bin/curl.extracted/98460-gzip/data", "                                  _   _ ____  _\n"
                + "  Project                     ___| | | |  _ \\| |\n\n"
                + "       Example:\n               curl --insecure https://example.com\n"
                + "              wget --no-check-certificate https://example.com\n");
        write("usr/share/doc/curl/README", "curl -k https://example.com\n");
        Finding f = scan("fw.tls.verification-disabled");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isEqualTo(Outcome.PASS);
        // an update script that really skips verification fails
        write("etc/init.d/S99update", "#!/bin/sh\ncurl -k -o /tmp/fw.bin https://update.vendor.com/fw.bin\n");
        f = scan("fw.tls.verification-disabled");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("etc/init.d/S99update");
        // a page that a program carries (starts with '<') is judged: it is UI the device serves
        write("usr/bin/curl.extracted/1000-gzip/data", "<html><script>fetch('x'); // curl -k https://a.vendor.com/x\n"
                + "</script>\n<pre>curl -k https://cloud.vendor.com/api</pre></html>\n");
        f = scan("fw.tls.verification-disabled");
        assertThat(f.evidence()).extracting(Evidence::path).contains("usr/bin/curl.extracted/1000-gzip/data");
    }
}
