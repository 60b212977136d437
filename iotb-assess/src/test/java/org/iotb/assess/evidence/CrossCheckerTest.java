package org.iotb.assess.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iotb.assess.InputKind;
import org.iotb.assess.SourceFindings;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;
import org.junit.jupiter.api.Test;

class CrossCheckerTest {
    private final CrossChecker checker = new CrossChecker();

    private static SystemFacts fwInventory(String... names) {
        List<ServiceFact> services = new java.util.ArrayList<>();
        int line = 1;
        for (String n : names) {
            services.add(ServiceFact.boot(n, "inittab", "etc/inittab", line++, "::respawn:/usr/sbin/" + n));
        }
        return SystemFacts.EMPTY.withServices(services);
    }

    private static SystemFacts netInventory(int... tcpPorts) {
        List<ServiceFact> services = new java.util.ArrayList<>();
        for (int p : tcpPorts) {
            services.add(ServiceFact.listening("svc" + p, p, "tcp", false, ""));
        }
        return SystemFacts.EMPTY.withServices(services);
    }

    private static List<SourceFindings> inputs(List<Finding> fw, List<Finding> dev) {
        return List.of(new SourceFindings("fw.bin", InputKind.FIRMWARE, fw), new SourceFindings("127.0.0.1", InputKind.DEVICE, dev));
    }

    private static List<SourceFindings> inputs(SystemFacts fw, SystemFacts dev) {
        return List.of(new SourceFindings("fw.bin", InputKind.FIRMWARE, List.of(), fw),
                new SourceFindings("127.0.0.1", InputKind.DEVICE, List.of(), dev));
    }

    @Test
    void agreeingServicesAreInfoAndContradictionsWarnings() {
        List<Finding> out = checker.check(inputs(fwInventory("telnetd", "dropbear"), netInventory(23, 8081)));
        List<Finding> svc = out.stream().filter(f -> f.check().equals(CrossChecker.SERVICES)).toList();
        assertThat(svc).filteredOn(f -> f.outcome() == Outcome.INFO).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("telnetd (tcp/23)"));
        assertThat(svc).filteredOn(f -> f.outcome() == Outcome.WARNING).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("dropbear").contains("tcp/22"))
                .anySatisfy(m -> assertThat(m).contains("tcp/8081").contains("no boot service"));
        assertThat(svc).noneMatch(f -> f.outcome() == Outcome.FAIL);
    }

    @Test
    void withoutADeviceEverythingIsNotRun() {
        List<Finding> out = checker.check(List.of(new SourceFindings("fw.bin", InputKind.FIRMWARE, List.of(), fwInventory("telnetd"))));
        assertThat(out).hasSize(3).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.NOT_RUN));
    }

    @Test
    void servicesAreNotRunWhenOneSideWasNotInventoried() {
        Finding svc = checker.check(inputs(fwInventory("telnetd"), SystemFacts.EMPTY)).stream()
                .filter(f -> f.check().equals(CrossChecker.SERVICES)).findFirst().orElseThrow();
        assertThat(svc.outcome()).isEqualTo(Outcome.NOT_RUN);
        assertThat(svc.message()).contains("missing net.svc.inventory");
    }

    @Test
    void servedCertificateWithEmbeddedKeyFails() {
        String fp = "d".repeat(64);
        Finding key = Finding.fail("fw.key.private", Severity.HIGH, "private key", List.of(Evidence.file("etc/ssl/server.key").withFingerprint(fp)));
        Finding cert = Finding.of("net.tls.certificate", Outcome.INFO, "cert",
                List.of(Evidence.network("127.0.0.1", 8443, "tls", null, null).withFingerprint(fp)));
        Finding f = checker.check(inputs(List.of(key), List.of(cert))).stream()
                .filter(x -> x.check().equals(CrossChecker.KEYS)).findFirst().orElseThrow();
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).extracting(Evidence::path).contains("etc/ssl/server.key");

        Finding other = Finding.of("net.tls.certificate", Outcome.INFO, "cert",
                List.of(Evidence.network("127.0.0.1", 8443, "tls", null, null).withFingerprint("e".repeat(64))));
        Finding g = checker.check(inputs(List.of(key), List.of(other))).stream()
                .filter(x -> x.check().equals(CrossChecker.KEYS)).findFirst().orElseThrow();
        assertThat(g.outcome()).isEqualTo(Outcome.INFO);
    }

    @Test
    void defaultPasswordConfirmedOnTheDeviceFails() {
        Finding fwPw = Finding.fail("fw.cred.default-password", Severity.HIGH, "root:admin", List.of(Evidence.file("etc/shadow")));
        Finding login = Finding.fail("net.auth.default-credentials", Severity.CRITICAL, "root/admin works",
                List.of(Evidence.network("127.0.0.1", 23, "telnet", "root", "#")));
        Finding rejected = Finding.pass("net.auth.default-credentials", "rejected", List.of(Evidence.network("127.0.0.1", 23, "telnet", "root", "Login incorrect")));
        assertThat(cred(List.of(fwPw), List.of(login)).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(cred(List.of(fwPw), List.of(rejected)).outcome()).isEqualTo(Outcome.WARNING);
        assertThat(cred(List.of(), List.of(login)).outcome()).isEqualTo(Outcome.WARNING);
        assertThat(cred(List.of(), List.of(rejected)).outcome()).isEqualTo(Outcome.INFO);
        assertThat(cred(List.of(fwPw), List.of()).outcome()).isEqualTo(Outcome.NOT_RUN);
    }

    private Finding cred(List<Finding> fw, List<Finding> dev) {
        return checker.check(inputs(fw, dev)).stream().filter(x -> x.check().equals(CrossChecker.CREDENTIALS)).findFirst().orElseThrow();
    }
}
