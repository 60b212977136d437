package org.iotb.sbom.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTest {
    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        // OpenSSL letter releases
        "1.0.1, 1.0.1a", "1.0.1a, 1.0.1f", "1.0.1f, 1.0.1g", "1.0.1z, 1.0.2", "1.0.2u, 1.0.2za", "1.0.2z, 1.0.2za",
        "1.0.2zc, 1.0.2zd", "1.1.1, 1.1.1a", "1.1.1v, 1.1.1w", "1.1.1w, 3.0.0", "3.0.7, 3.0.13", "3.0.0-alpha1, 3.0.0",
        "3.0.0-beta2, 3.0.0", "3.0.0-alpha17, 3.0.0-beta1",
        // Dropbear date versions
        "2019.78, 2020.81", "2020.81, 2022.83", "2022.83, 2024.84", "0.52, 2016.74",
        // plain semver-ish
        "1.35.0, 1.36.1", "1.9.0, 1.35.0", "5.10.110, 5.10.200", "5.4.0, 5.10.1", "4.19.99, 4.19.100",
        // OpenSSH portable
        "7.4, 7.4p1", "7.4p1, 7.4p2", "8.9p1, 9.0p1", "9.3p1, 9.3p2", "9.7p1, 9.8p1", "7.7p1, 7.8",
        // pre-releases
        "2.6.6-rc1, 2.6.6", "2.6.6-rc1, 2.6.6-rc2", "1.0b2, 1.0", "1.0a1, 1.0b1", "5.16-rc8, 5.16",
        // U-Boot, dnsmasq, misc
        "2013.01, 2023.01", "2.78, 2.83", "2.83, 2.90", "0.94.14rc20, 0.94.14rc21", "0.94.14rc21, 0.94.14",
        "1.3.5, 1.3.5a", "1.3.5a, 1.3.6", "v1.2.3, 1.2.4"
    })
    void orders(String lower, String higher) {
        Version a = Version.parse(lower);
        Version b = Version.parse(higher);
        assertThat(a.compareTo(b)).as("%s < %s", lower, higher).isNegative();
        assertThat(b.compareTo(a)).as("%s > %s", higher, lower).isPositive();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({"1.0, 1.0.0", "v2.10, 2.10", "5.10.0, 5.10", "1.2.13, 1.2.13"})
    void equalities(String a, String b) {
        assertThat(Version.parse(a).compareTo(Version.parse(b))).isZero();
        assertThat(Version.parse(a)).isEqualTo(Version.parse(b));
        assertThat(Version.parse(a).hashCode()).isEqualTo(Version.parse(b).hashCode());
    }

    @Test
    void sortingAShuffledListGivesReleaseOrder() {
        List<String> ordered = List.of("1.0.1", "1.0.1a", "1.0.1f", "1.0.1g", "1.0.2-beta1", "1.0.2", "1.0.2k",
                "1.0.2u", "1.0.2za", "1.1.0", "1.1.1", "1.1.1w", "3.0.0-alpha1", "3.0.0", "3.0.2", "3.0.13");
        List<String> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(42));
        shuffled.sort((x, y) -> Version.parse(x).compareTo(Version.parse(y)));
        assertThat(shuffled).containsExactlyElementsOf(ordered);
    }

    @Test
    void numericPrefix() {
        assertThat(Version.parse("5.10.110").numericPrefix(2)).isEqualTo("5.10");
        assertThat(Version.parse("1.0.2u").numericPrefix(3)).isEqualTo("1.0.2");
        assertThat(Version.parse("1.1.1w").numericPrefix(2)).isEqualTo("1.1");
    }

    @Test
    void textWithoutDigitsIsNotComparable() {
        assertThat(Version.isComparable("unknown")).isFalse();
        assertThat(Version.isComparable(null)).isFalse();
        assertThat(Version.isComparable("2.10")).isTrue();
    }

    @Test
    void hostileLengthIsBounded() {
        String huge = "1.".repeat(100_000);
        assertThat(Version.parse(huge).compareTo(Version.parse("1.1"))).isPositive();
    }
}
