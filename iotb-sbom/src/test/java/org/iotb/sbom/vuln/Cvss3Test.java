package org.iotb.sbom.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotb.model.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Cvss3Test {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5",
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H, 8.1",
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N, 5.9",
        "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H, 7.8",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0",
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N, 6.4",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0",
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N, 3.7"
    })
    void baseScores(String vector, double score) {
        assertThat(Cvss3.baseScore(vector)).isEqualTo(score);
    }

    @ParameterizedTest
    @CsvSource({"AV:N/AC:L/Au:N/C:P/I:N/A:N", "CVSS:3.1/AV:X/AC:L", "garbage"})
    void incompleteVectorsHaveNoScore(String vector) {
        assertThat(Cvss3.baseScore(vector)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"9.8, CRITICAL", "9.0, CRITICAL", "8.9, HIGH", "7.0, HIGH", "6.9, MEDIUM", "4.0, MEDIUM", "3.9, LOW",
        "0.1, LOW", "0.0, NONE"})
    void levels(double score, Severity level) {
        assertThat(Cvss3.level(score)).isEqualTo(level);
    }
}
