package org.iotb.probe.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** data/ssh-grading.yaml: covers ssh-audit's whole set, cites a source per grade, follows NIST/BSI/IETF. */
class SshGradingTest {
    @Test
    void everyAlgorithmSshAuditKnowsHasAGradeWithASource() {
        for (String key : AlgorithmPolicy.known()) {
            String[] kn = key.split(",", 2);
            AlgorithmPolicy.Verdict v = AlgorithmPolicy.of(kn[0], kn[1]);
            assertThat(v.level()).as(key).isIn("fail", "warn", "ok");
            assertThat(v.source()).as(key).isNotBlank();
        }
    }

    @Test
    void nistCurvesAreApprovedNotWeak() {
        // ssh-audit fails these; NIST SP 800-186 / 800-56A and BSI TR-02102-4 approve them
        for (String kex : List.of("ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521")) {
            assertThat(AlgorithmPolicy.sshAuditLevel("kex", kex)).isEqualTo("fail");
            assertThat(AlgorithmPolicy.of("kex", kex).level()).isEqualTo("ok");
            assertThat(AlgorithmPolicy.of("kex", kex).source()).contains("SP 800-186");
        }
        assertThat(AlgorithmPolicy.of("hostkey", "ecdsa-sha2-nistp256").level()).isEqualTo("ok");
    }

    @Test
    void whatTheSourcesRejectFails() {
        for (String kex : List.of("diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1",
                "diffie-hellman-group-exchange-sha1", "rsa1024-sha1")) {
            assertThat(AlgorithmPolicy.of("kex", kex).level()).as(kex).isEqualTo("fail");
        }
        assertThat(AlgorithmPolicy.of("hostkey", "ssh-dss").level()).isEqualTo("fail");
        for (String c : List.of("3des-cbc", "arcfour", "arcfour256", "des-cbc", "blowfish-cbc", "none")) {
            assertThat(AlgorithmPolicy.of("cipher", c).level()).as(c).isEqualTo("fail");
        }
        assertThat(AlgorithmPolicy.of("mac", "hmac-md5").level()).isEqualTo("fail");
    }

    @Test
    void whatTheyMerelyDiscourageWarns() {
        assertThat(AlgorithmPolicy.of("hostkey", "ssh-rsa").level()).isEqualTo("warn");
        assertThat(AlgorithmPolicy.of("mac", "hmac-sha1").level()).isEqualTo("warn");
        assertThat(AlgorithmPolicy.of("mac", "umac-64@openssh.com").level()).isEqualTo("warn");
        assertThat(AlgorithmPolicy.of("cipher", "aes128-cbc").level()).isEqualTo("warn");
    }

    @Test
    void cbcWithSha1MacFailsAsAPair() {
        assertThat(AlgorithmPolicy.combinations(List.of("aes128-ctr", "aes128-cbc"), List.of("hmac-sha2-256", "hmac-sha1")))
                .containsOnlyKeys("aes128-cbc with hmac-sha1")
                .allSatisfy((pair, v) -> assertThat(v.level()).isEqualTo("fail"));
        assertThat(AlgorithmPolicy.combinations(List.of("aes128-cbc"), List.of("hmac-sha2-256"))).isEmpty();
        assertThat(AlgorithmPolicy.combinations(List.of("aes128-ctr"), List.of("hmac-sha1"))).isEmpty();
    }

    @Test
    void globsMatchWholeNames() {
        assertThat(AlgorithmPolicy.glob("gss-group1-sha1-*").matcher("gss-group1-sha1-toWM5Slw5Ew8Mqkay+al2g==").matches()).isTrue();
        assertThat(AlgorithmPolicy.glob("aes*-cbc").matcher("aes128-cbc").matches()).isTrue();
        assertThat(AlgorithmPolicy.glob("aes*-cbc").matcher("aes128-cbc2").matches()).isFalse();
        assertThat(AlgorithmPolicy.glob("hmac-sha1").matcher("hmac-sha1-96").matches()).isFalse();
    }
}
