package org.iotb.model.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultCredentialsTest {
    static final String SECLISTS =
            "https://github.com/danielmiessler/SecLists/blob/master/Passwords/Default-Credentials/default-passwords.csv";

    @Test
    void theBundledListHasNoHeaderOrCommentRows() {
        assertThat(DefaultCredentials.builtIn()).hasSizeBetween(50, 500);
        assertThat(DefaultCredentials.builtIn()).noneMatch(c -> c.username().equals("username")
                || c.username().startsWith("#"));
        assertThat(DefaultCredentials.builtIn()).allSatisfy(c -> assertThat(c.source()).isNotBlank());
        assertThat(DefaultCredentials.builtIn().get(0)).isEqualTo(
                new DefaultCredential("admin", "admin", "common vendor default", SECLISTS));
    }

    @Test
    void everyBundledEntryCitesAPublicSourceUrl() {
        assertThat(DefaultCredentials.builtIn()).allSatisfy(c ->
                assertThat(c.url()).as(c.username() + "/" + c.password()).matches("https?://\\S+"));
    }

    @Test
    void vendorDefaultsCarryTheirVendorAndSource() {
        // the TP-Link TL-WR841N v10 root hash $1$GTN.gpri$DlSyKvZKMR9A9Uj9e9wR3/ is this password (issue #18)
        assertThat(DefaultCredentials.builtIn()).anySatisfy(c -> {
            assertThat(c.username() + ":" + c.password()).isEqualTo("root:sohoadmin");
            assertThat(c.source()).contains("TP-Link");
            assertThat(c.url()).startsWith("https://");
        });
        assertThat(DefaultCredentials.builtIn()).anySatisfy(c -> {
            assertThat(c.username() + ":" + c.password()).isEqualTo("Alphanetworks:wrgg15_di524");
            assertThat(c.url()).isEqualTo(SECLISTS);
        });
    }

    @Test
    void parsesEmptyPasswordsMissingSourcesAndSkipsNoise() {
        String csv = "# comment, with comma\nusername,password,source,url\n\nroot,,busybox\nadmin,1234\n,nouser,x\n"
                + "user,user,Tenda,https://example.org/list.csv\n";
        assertThat(DefaultCredentials.parse(csv)).containsExactly(
                new DefaultCredential("root", "", "busybox"),
                new DefaultCredential("admin", "1234", ""),
                new DefaultCredential("user", "user", "Tenda", "https://example.org/list.csv"));
    }
}
