package org.iotb.model.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultCredentialsTest {

    @Test
    void theBundledListHasNoHeaderOrCommentRows() {
        assertThat(DefaultCredentials.builtIn()).hasSizeBetween(50, 500);
        assertThat(DefaultCredentials.builtIn()).noneMatch(c -> c.username().equals("username")
                || c.username().startsWith("#"));
        assertThat(DefaultCredentials.builtIn()).allSatisfy(c -> assertThat(c.source()).isNotBlank());
        assertThat(DefaultCredentials.builtIn().get(0)).isEqualTo(
                new DefaultCredential("admin", "admin", "common vendor default"));
    }

    @Test
    void parsesEmptyPasswordsMissingSourcesAndSkipsNoise() {
        String csv = "# comment, with comma\nusername,password,source\n\nroot,,busybox\nadmin,1234\n,nouser,x\n";
        assertThat(DefaultCredentials.parse(csv)).containsExactly(
                new DefaultCredential("root", "", "busybox"),
                new DefaultCredential("admin", "1234", ""));
    }
}
