package org.iotb.firmware.suppress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    private static final String YAML = """
            - check: fw.elf.pie
              path: "opt/vendor/**"
              justification: vendor blob, tracked in TICKET-12
              expires: 2030-01-01
            - check: fw.svc.telnet
              path: etc/init.d/S50telnet
              justification: was accepted last year
              expires: 2020-01-01
            """;

    private static Suppressions load(LocalDate today) throws Exception {
        return Suppressions.parse(new ByteArrayInputStream(YAML.getBytes(StandardCharsets.UTF_8)), today);
    }

    @Test
    void matchingEvidenceIsRemovedAndMarkedAndAFullySuppressedFindingBecomesInfo() throws Exception {
        Suppressions s = load(LocalDate.of(2026, 1, 1));
        Finding partly = Finding.fail("fw.elf.pie", Severity.MEDIUM, "2 lack PIE",
                List.of(Evidence.file("opt/vendor/bin/x"), Evidence.file("usr/bin/y")));
        Finding wholly = Finding.fail("fw.elf.pie", Severity.MEDIUM, "1 lacks PIE",
                List.of(Evidence.file("opt/vendor/lib/z")));
        List<Finding> out = s.apply(List.of(partly, wholly));
        assertThat(out.get(0).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(out.get(0).evidence()).extracting(Evidence::path).containsExactly("usr/bin/y");
        assertThat(out.get(0).data()).containsKey("suppressed");
        assertThat(out.get(1).outcome()).isEqualTo(Outcome.INFO);
        assertThat(out.get(1).data()).containsEntry("suppressedOutcome", "fail");
    }

    @Test
    void expiredEntriesStopApplyingAndWarn() throws Exception {
        Suppressions s = load(LocalDate.of(2026, 1, 1));
        Finding telnet = Finding.fail("fw.svc.telnet", Severity.HIGH, "telnet",
                List.of(Evidence.line("etc/init.d/S50telnet", 2, "telnetd")));
        assertThat(s.apply(List.of(telnet)).get(0).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(s.expiredWarnings()).singleElement().asString().contains("fw.svc.telnet").contains("2020-01-01");
        // before its expiry the same entry applies
        assertThat(load(LocalDate.of(2019, 6, 1)).apply(List.of(telnet)).get(0).outcome()).isEqualTo(Outcome.INFO);
    }

    @Test
    void entriesWithoutJustificationAreRejected() {
        String bad = "- check: fw.elf.pie\n  path: x\n";
        assertThatThrownBy(() -> Suppressions.parse(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                LocalDate.now())).hasMessageContaining("justification");
    }
}
