package org.iotb.firmware.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.FirmwareCheckCatalog;
import org.iotb.firmware.FirmwareChecks;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.rules.PatternRules;
import org.iotb.firmware.tree.FileTree;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.model.check.CheckRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check defined only in a pattern-rules file is registered, documented and run, without any Java. */
class PatternRuleRegistryTest {
    private static final String NEW_CHECK = "fw.test.telemetry-token";
    private static final PatternRules WITH_NEW_CHECK =
            PatternRules.load("/org/iotb/firmware/checks/pattern-rules-new-check.yaml");

    @TempDir
    Path root;

    @Test
    void aCheckDefinedOnlyInTheRulesFileIsRegisteredDocumentedAndRun() throws Exception {
        List<FirmwareCheck> registry = FirmwareChecks.all(WITH_NEW_CHECK);
        assertThat(registry).extracting(FirmwareCheck::id).contains(NEW_CHECK).doesNotContain("fw.log.sensitive");

        CheckDescriptor d = FirmwareCheckCatalog.descriptors(WITH_NEW_CHECK).stream()
                .filter(x -> x.id().equals(NEW_CHECK)).findFirst().orElseThrow();
        assertThat(d.title()).isEqualTo("Telemetry token in configuration");
        assertThat(d.source()).isEqualTo("firmware");

        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/telemetry.conf"), "# telemetry_token = commented-out-token\n"
                + "server=collector.example.com\ntelemetry_token = 7f3a9c01d2e4\n");
        FirmwareCheck check = registry.stream().filter(c -> c.id().equals(NEW_CHECK)).findFirst().orElseThrow();
        List<Finding> findings = CheckRunner.sequential()
                .run(List.of(check), new ScanContext(FileTree.index(root), FirmwareScanOptions.defaults()))
                .findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.evidence()).singleElement().satisfies(e -> {
                assertThat(e.path()).isEqualTo("etc/telemetry.conf");
                assertThat(e.line()).isEqualTo(3); // the comment on line 1 is not behaviour
            });
        });
    }

    @Test
    void everyRegisteredFirmwareCheckHasADescriptorAndEveryDescriptorACheck() {
        for (PatternRules rules : List.of(PatternRules.bundled(), WITH_NEW_CHECK)) {
            Set<String> registered = FirmwareChecks.all(rules).stream().map(FirmwareCheck::id)
                    .collect(Collectors.toSet());
            Set<String> described = FirmwareCheckCatalog.descriptors(rules).stream().map(CheckDescriptor::id)
                    .collect(Collectors.toSet());
            assertThat(described).isEqualTo(registered);
        }
    }

    @Test
    void aRuleForAnUndescribedCheckIsRejected() {
        assertThatThrownBy(() -> PatternRules.load("/org/iotb/firmware/checks/pattern-rules-undescribed.yaml"))
                .hasStackTraceContaining("rules of undescribed checks [fw.test.orphan]");
    }
}
