package org.iotb.assess.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotb.assess.Fixtures.secret;

import java.util.List;
import org.iotb.assess.InputKind;
import org.iotb.assess.SourceFindings;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;

class UniquenessAnalyzerTest {
    private final UniquenessAnalyzer analyzer = new UniquenessAnalyzer();
    private static final String FP_A = "a".repeat(64);
    private static final String FP_B = "b".repeat(64);
    private static final String FP_C = "c".repeat(64);

    private static Finding byCheck(List<Finding> fs, String id) {
        return fs.stream().filter(f -> f.check().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void sameSecretInTwoUnitsFails() {
        List<Finding> out = analyzer.analyze(List.of(
                new SourceFindings("unit1.bin", InputKind.FIRMWARE, List.of(secret("fw.cred.shadow", "etc/shadow", FP_A),
                        secret("fw.key.private", "etc/ssl/key.pem", FP_B))),
                new SourceFindings("unit2.bin", InputKind.FIRMWARE, List.of(secret("fw.cred.shadow", "etc/shadow", FP_A),
                        secret("fw.key.private", "etc/ssl/key.pem", FP_C)))));
        Finding creds = byCheck(out, UniquenessAnalyzer.CREDENTIALS);
        assertThat(creds.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(creds.message()).contains("1 of 1").contains("unit1.bin").contains("unit2.bin");
        assertThat(creds.evidence()).hasSize(2).allSatisfy(e -> {
            assertThat(e.path()).isEqualTo("etc/shadow");
            assertThat(e.fingerprint()).isEqualTo(FP_A);
        });
        assertThat(creds.evidence()).extracting(e -> e.excerpt()).anySatisfy(x -> assertThat(x).contains("unit2.bin"));
        Finding keys = byCheck(out, UniquenessAnalyzer.KEYS);
        assertThat(keys.outcome()).isEqualTo(Outcome.PASS);
        assertThat(keys.message()).contains("2 keys compared");
    }

    @Test
    void differentSecretsPass() {
        List<Finding> out = analyzer.analyze(List.of(
                new SourceFindings("unit1.bin", InputKind.FIRMWARE, List.of(secret("fw.cred.hardcoded", "etc/shadow", FP_A))),
                new SourceFindings("unit2.bin", InputKind.FIRMWARE, List.of(secret("fw.cred.hardcoded", "etc/shadow", FP_B)))));
        Finding creds = byCheck(out, UniquenessAnalyzer.CREDENTIALS);
        assertThat(creds.outcome()).isEqualTo(Outcome.PASS);
        assertThat(creds.evidence()).hasSize(2);
        assertThat(byCheck(out, UniquenessAnalyzer.KEYS).outcome()).isEqualTo(Outcome.INFO);
    }

    @Test
    void oneUnitIsNotRunWithAReason() {
        List<Finding> out = analyzer.analyze(List.of(
                new SourceFindings("unit1.bin", InputKind.FIRMWARE, List.of(secret("fw.cred.shadow", "etc/shadow", FP_A))),
                new SourceFindings("10.0.0.1", InputKind.DEVICE, List.of(secret("net.auth.token", "x", FP_A)))));
        assertThat(out).allSatisfy(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.NOT_RUN);
            assertThat(f.message()).contains("two or more").contains("1 firmware unit(s) and 1 device(s)");
        });
    }

    @Test
    void twoDevicesServingTheSameHostKeyFail() {
        List<Finding> out = analyzer.analyze(List.of(
                new SourceFindings("::1", InputKind.DEVICE, List.of(secret("net.ssh.host-key", "ssh", FP_C))),
                new SourceFindings("127.0.0.1", InputKind.DEVICE, List.of(secret("net.ssh.host-key", "ssh", FP_C)))));
        assertThat(byCheck(out, UniquenessAnalyzer.KEYS).outcome()).isEqualTo(Outcome.FAIL);
    }
}
