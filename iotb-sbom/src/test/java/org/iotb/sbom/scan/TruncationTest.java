package org.iotb.sbom.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TruncationTest {
    @Test
    void aVersionFollowedByMoreNumbersIsTruncated() {
        Matcher m = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)").matcher("BusyBox v1.2.2.1 (2007)");
        assertThat(m.find()).isTrue();
        assertThat(CompiledPattern.truncated(m, "BusyBox v1.2.2.1 (2007)")).isTrue();
        Matcher ok = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)").matcher("BusyBox v1.36.1 (2023)");
        assertThat(ok.find()).isTrue();
        assertThat(CompiledPattern.truncated(ok, "BusyBox v1.36.1 (2023)")).isFalse();
        Matcher end = Pattern.compile("(\\d+\\.\\d+)\\.").matcher("x 2.10.");
        assertThat(end.find()).isTrue();
        assertThat(CompiledPattern.truncated(end, "x 2.10.")).isFalse();
    }
}
