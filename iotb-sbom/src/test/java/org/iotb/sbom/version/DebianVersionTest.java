package org.iotb.sbom.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Debian version order against hand-written facts of Debian Policy; {@link DebianVersionDpkgTest} compares it with
 * Debian's own tool on every pair of {@link #VERSIONS}.
 */
class DebianVersionTest {
    static final List<String> VERSIONS = List.of("2.36-9", "2.36-9+deb12u3", "2.36-9+deb12u14", "2.36-9+deb12u4",
            "2.36-9+deb12u13", "2.37-12", "2.36", "1:1.35.0-4", "1:1.35.0-4+deb12u1", "1:1.35.0-4+deb12u1+b1",
            "1.35.0-4", "1.36.1-1", "7.88.1-10", "7.88.1-10+deb12u4", "7.88.1-10+deb12u15", "7.88.1-10+deb12u1",
            "2022.83-1", "2022.83-1+deb12u1", "2022.83-1+deb12u3", "2022.83-1~bpo11+1", "1.0~rc1", "1.0", "1.0~",
            "1.0~~", "1.0~~a", "1.0a", "1.0+", "1.0.", "1.0-0", "1.0-1", "1.00", "01.0", "1:0.9", "2:0.1", "0:1.0",
            "1.2.3-r0", "1.2.3-r1", "1.2.3-r10", "9.2p1-2+deb12u3", "1:9.2p1-2+deb12u3", "1:9.2p1-2+deb12u2",
            "3.0.11-1~deb12u2", "3.0.11-1~deb12u1", "3.0.11-1", "1.2.13.dfsg-1", "1:1.2.13.dfsg-1", "a", "A", "~", "");

    @Test
    void followsDebianPolicy() {
        assertThat(DebianVersion.compare("2.36-9+deb12u14", "2.36-9+deb12u3")).isPositive();
        assertThat(DebianVersion.compare("2.36-9+deb12u2", "2.36-9+deb12u3")).isNegative();
        assertThat(DebianVersion.compare("1.0~rc1", "1.0")).isNegative();
        assertThat(DebianVersion.compare("1:0.9", "2.0")).isPositive();
        assertThat(DebianVersion.compare("3.0.11-1~deb12u1", "3.0.11-1")).isNegative();
        assertThat(DebianVersion.compare("1.00", "1.0")).isZero();
        assertThat(DebianVersion.compare("1.2.3-r1", "1.2.3-r10")).isNegative();
        assertThat(DebianVersion.parse("1:1.35.0-4+deb12u1").upstream()).isEqualTo("1.35.0");
        assertThat(DebianVersion.parse("1:1.35.0-4+deb12u1").revision()).isEqualTo("4+deb12u1");
    }
}
