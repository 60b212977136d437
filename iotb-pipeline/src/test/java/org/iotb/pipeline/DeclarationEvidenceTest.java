package org.iotb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeclarationEvidenceTest {
    @Test
    void pathsAreFilesUrlsAndProseAreNot() {
        assertThat(DeclarationEvidence.namesFile("docs/provisioning.md")).isTrue();
        assertThat(DeclarationEvidence.namesFile("test-report.pdf")).isTrue();
        assertThat(DeclarationEvidence.namesFile("/srv/evidence/pentest")).isTrue();
        assertThat(DeclarationEvidence.namesFile("https://example.com/security")).isFalse();
        assertThat(DeclarationEvidence.namesFile("mailto:psirt@example.com")).isFalse();
        assertThat(DeclarationEvidence.namesFile("Penetration test by ACME, 2025")).isFalse();
        assertThat(DeclarationEvidence.namesFile("ISO27001")).isFalse();
        assertThat(DeclarationEvidence.namesFile(" ")).isFalse();
    }
}
