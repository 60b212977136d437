package org.iotb.assess.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotb.assess.InputKind;
import org.iotb.assess.SourceFindings;
import org.iotb.catalog.profile.Profile;
import org.iotb.model.facts.AccountFact;
import org.iotb.model.facts.InterfaceFact;
import org.iotb.model.facts.OsFact;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;
import org.junit.jupiter.api.Test;

class ProfileInferenceTest {
    private final ProfileInference inference = new ProfileInference();

    private static final AccountFact ROOT_WITH_HASH = new AccountFact("root", "etc/shadow", 1,
            AccountFact.Password.HASH, "md5", "/bin/sh", 0);
    private static final AccountFact LOCKED = new AccountFact("nobody", "etc/shadow", 2,
            AccountFact.Password.LOCKED, null, null, 65534);

    private static List<SourceFindings> image(OsFact os, List<AccountFact> accounts, String... interfaces) {
        List<InterfaceFact> ifs = java.util.Arrays.stream(interfaces).map(i -> new InterfaceFact(i, "usr/bin/" + i)).toList();
        return List.of(new SourceFindings("fw.bin", InputKind.FIRMWARE, List.of(),
                new SystemFacts(os, List.of(), accounts, ifs, null, null)));
    }

    private static final Profile EMPTY = new Profile(null, null, null, null, null, null);

    @Test
    void fillsUnknownFactsAsInferred() {
        ProfileInference.Result r = inference.infer(EMPTY, image(new OsFact("linux", "uclibc", true, null),
                List.of(ROOT_WITH_HASH), "ble"));
        assertThat(r.os()).isEqualTo("embedded-linux");
        assertThat(r.deviceFacts()).containsEntry("passwords", true);
        assertThat(r.interfaces()).containsExactly("ble");
        assertThat(r.contradictions()).isEmpty();
        assertThat(r.inferred()).extracting(f -> f.key()).containsExactly("os", "device.passwords",
                "device.preinstalled-passwords", "interfaces");
        assertThat(r.inferred()).allSatisfy(f -> assertThat(f.source()).isEqualTo("fw.bin"));
        assertThat(r.inferred().get(0).detail()).isEqualTo("the image is linux with uclibc");
        Profile applied = r.apply(EMPTY);
        assertThat(applied.os()).isEqualTo("embedded-linux");
        assertThat(applied.fact("passwords")).isTrue();
    }

    @Test
    void flagsContradictionsAndTheEvidenceOverridesTheClaim() {
        Profile declared = new Profile(null, Map.of("passwords", false), null, List.of("wifi"), "rtos", null);
        ProfileInference.Result r = inference.infer(declared, image(new OsFact("Linux 4.14", "unknown", false, null),
                List.of(ROOT_WITH_HASH), "ble"));
        assertThat(r.contradictions()).extracting(c -> c.key()).containsExactly("os", "device.passwords", "interfaces");
        assertThat(r.deviceFacts()).containsOnlyKeys("preinstalled-passwords");
        assertThat(r.overrides()).containsEntry("passwords", true);
        assertThat(r.os()).isNull();
        assertThat(r.apply(declared).fact("passwords")).isTrue();
        assertThat(r.apply(declared).interfaces()).containsExactly("wifi", "ble");
        assertThat(r.apply(declared).os()).isEqualTo("rtos"); // the OS is filled in, never overridden
        assertThat(r.claimed(declared).fact("passwords")).isFalse();
        assertThat(r.claimed(declared).interfaces()).containsExactly("wifi");
        assertThat(r.contradictions().get(1).detail()).contains("password hashes");
    }

    @Test
    void agreementIsNeitherInferredNorContradiction() {
        Profile declared = new Profile(null, Map.of("passwords", true, "preinstalled-passwords", true), null,
                List.of("ble"), "embedded-linux", null);
        ProfileInference.Result r = inference.infer(declared, image(new OsFact("linux", "musl", false, null),
                List.of(ROOT_WITH_HASH), "ble"));
        assertThat(r.inferred()).isEmpty();
        assertThat(r.contradictions()).isEmpty();
    }

    @Test
    void telnetFromServiceInventoryIsAnInferredFact() {
        SystemFacts facts = SystemFacts.EMPTY.withServices(List.of(
                ServiceFact.boot("telnetd", "inittab", "etc/inittab", 3, "::respawn:/usr/sbin/telnetd"),
                ServiceFact.boot("dnsmasq", "init.d", "etc/init.d/dnsmasq", null, null),
                ServiceFact.listening("ssh", 22, "tcp", false, "SSH-2.0"))); // a device's service is no boot service
        ProfileInference.Result r = inference.infer(EMPTY, List.of(new SourceFindings("fw.bin", InputKind.FIRMWARE, List.of(), facts)));
        assertThat(r.inferred()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("services.remote-login");
            assertThat(f.value()).isEqualTo(List.of("telnetd"));
        });
    }

    @Test
    void unknownOsLockedAccountsAndNoStacksInferNothing() {
        ProfileInference.Result r = inference.infer(EMPTY, image(new OsFact("unknown", "unknown", false, null),
                List.of(LOCKED)));
        assertThat(r.inferred()).isEmpty();
        assertThat(inference.infer(EMPTY, List.of(new SourceFindings("x", InputKind.FIRMWARE, List.of()))).inferred())
                .isEmpty();
    }
}
