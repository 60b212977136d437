package org.iotb.firmware.precision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.iotb.firmware.testing.TreeFiles;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Precision of fw.net.plaintext-endpoint and fw.cred.hardcoded on router web UIs (issue #18, corpus pendings),
 * each on the real lines of the image that misled the check: DD-WRT's /etc/www webcomp bundle (help links,
 * HTML comment blocks of bundled pages) Huawei HG532e's etc/webimg bundle and TP-Link MR3020's mobile-carrier APN tables. Each test also shows
 * that a real weakness beside the noise is still reported.
 */
class WebUiPrecisionTest {
    @TempDir
    Path root;

    /** Lines of etc/www of ddwrt_rootfs_squashfs3_be_tqsh.fs (DD-WRT v24), as the image has them. */
    private static final String DDWRT_WWW = String.join("\n",
            "</div><?xml version=\"1.0\" encoding=\"iso-8859-1\"?>",
            "<!--",
            "OpenWRT port of this file based originally on the following:",
            "part of m0n0wall (http://m0n0.ch/wall)",
            "-->",
            "var win = window.open(\"http://www.dd-wrt.com/help/english/\" + url, 'DDWRT_Help', 'top=' + top);",
            "<div>The complete list of available options : {j}http://thekelleys.org.uk/dnsmasq/docs/dnsmasq-man.html\""
                    + " target=\"_new\">DNSMasq man</a>.</div>",
            "<li>{j}http://www.dd-wrt.com/forum\" target=\"_new\">Forum</a></li>",
            "<dd>rstats is a bandwidth monitoring tool. You can download this plugin {j}http://www.adobe.com/svg/viewer/"
                    + "install/main.html\" title=\"Adobe SVG Viewer download area\" target=\"_blank\">here</a><br/>",
            "/*",
            "  Based on Lightbox JS: Fullsize Image Overlays ",
            "  by Lokesh Dhakar - http://www.huddletogether.com",
            "  For more information on this script, visit:",
            "  http://huddletogether.com/projects/lightbox/",
            "*/",
            "");

    @Test
    void ddwrtWebBundleHelpLinksAreNotEndpoints() throws Exception {
        TreeFiles.write(root, "etc/www", DDWRT_WWW);
        Finding f = TreeFiles.scan(root, "fw.net.plaintext-endpoint");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isEqualTo(Outcome.PASS);
    }

    @Test
    void ddwrtWebBundleStillReportsAnEndpointTheUiCalls() throws Exception {
        TreeFiles.write(root, "etc/www", DDWRT_WWW + "xhr.open('GET', \"http://api.vendor-cloud.cn/v1/status\");\n");
        Finding f = TreeFiles.scan(root, "fw.net.plaintext-endpoint");
        assertThat(f.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(f.evidence()).extracting(Evidence::line).containsExactly(16);
    }

    @Test
    void openwrtPlaintextFeedsStayReported() throws Exception {
        // OpenWrt r42647 (LibraryBox MR3020): the package feeds are fetched over http, a real plaintext endpoint
        TreeFiles.write(root, "etc/opkg.conf",
                "src/gz attitude_adjustment http://downloads.openwrt.org/attitude_adjustment/12.09/ar71xx/generic/packages\n"
                        + "dest root /\ndest ram /tmp\nlists_dir ext /var/opkg-lists\noption overlay_root /overlay\n"
                        + "src/gz piratebox http://stable.openwrt.piratebox.de/all/packages\n");
        TreeFiles.write(root, "etc/www", DDWRT_WWW);
        Finding f = TreeFiles.scan(root, "fw.net.plaintext-endpoint");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("etc/opkg.conf");
    }

    @Test
    void huaweiFormObjectPlaceholderIsNotACredential() throws Exception {
        // etc/webimg of huawei_hg532e_V100R001C01B020 (all pages in one file, judged as web pages by
        // data/web-bundle-paths.txt): the page fills the password box with a dummy and compares the field with it
        TreeFiles.write(root, "etc/webimg", String.join("\n",
                "function WanPPPConstruction(Domain, Name, UserName)",
                "{",
                "this.Domain = Domain;",
                "this.UserName = UserName;",
                "if (PasswordIsNull == 1)",
                "{",
                "this.Password = '';",
                "}",
                "else",
                "{",
                "this.Password = '@1GV)Z<!';",
                "}",
                "}",
                "if (getValue('Password') != '@1GV)Z<!')", ""));
        Finding f = TreeFiles.scan(root, "fw.cred.hardcoded");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isNotIn(Outcome.FAIL, Outcome.WARNING);
        // a real secret assigned in the same page is still reported
        TreeFiles.write(root, "etc/webimg", "var password = 'Xk9#pQ2vLm7z';\n");
        f = TreeFiles.scan(root, "fw.cred.hardcoded");
        assertThat(f.outcome()).isIn(Outcome.FAIL, Outcome.WARNING);
    }

    @Test
    void publicCarrierApnLoginsAreNotDeviceSecrets() throws Exception {
        // tplink_tl-mr3020_v1_3.17.2: the 3G carrier table of the web UI and the dial-up profiles in etc/3gISP
        TreeFiles.write(root, "web/localiztion/3g.js", String.join("\n",
                "var w3gisp_js = new Array();", "w3gisp_js = ", "{", "\tlocation0 :", "\t{",
                "\t\tisp0 :", "\t\t{", "\t\t\tisp_name : \"claro\",", "\t\t\tapn : \"igprs.claro.com.ar\",",
                "            username : \"clarogprs\",", "            password : \"clarogprs999\"", "\t\t}", "\t}", "}", ""));
        TreeFiles.write(root, "etc/3gISP/ISP0", "dial_num=#777\napn=\nusername=ctnet@mycdma.cn\npassword=vnet.mobi\n");
        Finding f = TreeFiles.scan(root, "fw.cred.hardcoded");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isNotIn(Outcome.FAIL, Outcome.WARNING);
        // a secret in another config of the same image is still reported
        TreeFiles.write(root, "etc/cloud.conf", "password=Xk9pQ2vLm7zR4\n");
        f = TreeFiles.scan(root, "fw.cred.hardcoded");
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("etc/cloud.conf");
    }

    @Test
    void codeHiddenFromOldBrowsersInAnHtmlCommentIsStillRead() throws Exception {
        // <script><!-- ... //--> is live code, not a comment (old router UIs write their scripts this way)
        TreeFiles.write(root, "etc/www", DDWRT_WWW + "<script type=\"text/javascript\">\n<!--\n"
                + "xhr.open('GET', \"http://api.vendor-cloud.cn/v1/status\");\n//-->\n</script>\n");
        Finding f = TreeFiles.scan(root, "fw.net.plaintext-endpoint");
        assertThat(f.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(f.evidence()).extracting(Evidence::line).containsExactly(18);
    }
}
