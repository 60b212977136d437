package org.iotb.assess.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotb.assess.AssessedFinding;
import org.iotb.catalog.profile.Profile;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;

class ProfileInferenceTest {
    private final ProfileInference inference = new ProfileInference();

    private static AssessedFinding facts(Map<String, Object> data) {
        return new AssessedFinding("fw.bin", "fw.os.facts", Outcome.INFO, null, "facts", List.of(), data);
    }

    private static final Profile EMPTY = new Profile(null, null, null, null, null, null);

    @Test
    void fillsUnknownFactsAsInferred() {
        ProfileInference.Result r = inference.infer(EMPTY, List.of(facts(Map.of("os", "linux", "libc", "uclibc",
                "has-passwords", true, "ble-stack", "bluez", "zigbee-stack", false))));
        assertThat(r.os()).isEqualTo("embedded-linux");
        assertThat(r.deviceFacts()).containsEntry("passwords", true);
        assertThat(r.interfaces()).containsExactly("ble");
        assertThat(r.contradictions()).isEmpty();
        assertThat(r.inferred()).extracting(f -> f.key()).containsExactly("os", "device.passwords", "interfaces");
        assertThat(r.inferred()).allSatisfy(f -> assertThat(f.source()).isEqualTo("fw.bin"));
        Profile applied = r.apply(EMPTY);
        assertThat(applied.os()).isEqualTo("embedded-linux");
        assertThat(applied.fact("passwords")).isTrue();
    }

    @Test
    void flagsContradictionsAndKeepsTheDeclaredValue() {
        Profile declared = new Profile(null, Map.of("passwords", false), null, List.of("wifi"), "rtos", null);
        ProfileInference.Result r = inference.infer(declared, List.of(facts(Map.of("os", "Linux 4.14",
                "has-passwords", true, "ble-stack", true))));
        assertThat(r.contradictions()).extracting(c -> c.key()).containsExactly("os", "device.passwords", "interfaces");
        assertThat(r.deviceFacts()).isEmpty();
        assertThat(r.os()).isNull();
        assertThat(r.apply(declared).fact("passwords")).isFalse();
        assertThat(r.contradictions().get(1).detail()).contains("password hashes");
    }

    @Test
    void agreementIsNeitherInferredNorContradiction() {
        Profile declared = new Profile(null, Map.of("passwords", true), null, List.of("ble"), "embedded-linux", null);
        ProfileInference.Result r = inference.infer(declared, List.of(facts(Map.of("os", "linux",
                "has-passwords", true, "ble-stack", "bluez"))));
        assertThat(r.inferred()).isEmpty();
        assertThat(r.contradictions()).isEmpty();
    }

    @Test
    void telnetFromServiceInventoryIsAnInferredFact() {
        AssessedFinding inv = new AssessedFinding("fw.bin", "fw.svc.inventory", Outcome.INFO, null, "3 services", List.of(),
                Map.of("services", List.of(Map.of("name", "telnetd", "source", "etc/inittab", "line", 3),
                        Map.of("name", "dnsmasq", "source", "etc/init.d/dnsmasq"))));
        ProfileInference.Result r = inference.infer(EMPTY, List.of(inv));
        assertThat(r.inferred()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("services.remote-login");
            assertThat(f.value()).isEqualTo(List.of("telnetd"));
        });
    }

    @Test
    void falsyValuesInferNothing() {
        ProfileInference.Result r = inference.infer(EMPTY, List.of(facts(Map.of("has-passwords", false,
                "ble-stack", "none", "zigbee-stack", ""))));
        assertThat(r.inferred()).isEmpty();
    }
}
