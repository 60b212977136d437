package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.iotb.assess.evidence.CrossChecker;
import org.iotb.assess.evidence.UniquenessAnalyzer;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.FirmwareChecks;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Checks;
import org.iotb.probe.DeviceScanner;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.vuln.VulnDb;
import org.junit.jupiter.api.Test;

/**
 * Every id a registry can emit has a descriptor of the right source, and every descriptor on the class path is
 * an id some registry emits: `iotb checks list` documents exactly what the scanners can report.
 */
class CheckRegistriesTest {

    @Test
    void registriesAndDescriptorsMatchSourceBySource() {
        Map<String, Set<String>> emitted = Map.of(
                "firmware", ids(FirmwareChecks.all().stream().map(FirmwareCheck::id).toList()),
                "sbom", ids(new SbomChecks(VulnDb.bundled()).checks().stream()
                        .flatMap(c -> c.checkIds().stream()).toList()),
                "device", ids(DeviceScanner.defaultChecks().stream().flatMap(c -> c.checkIds().stream()).toList()),
                // assessment checks are derived by the assessor across inputs, not run by a runner
                "assessment", ids(List.of(UniquenessAnalyzer.CREDENTIALS, UniquenessAnalyzer.KEYS,
                        CrossChecker.SERVICES, CrossChecker.KEYS, CrossChecker.CREDENTIALS)));
        Map<String, Set<String>> described = Checks.all().stream().collect(Collectors.groupingBy(
                CheckDescriptor::source, Collectors.mapping(CheckDescriptor::id, Collectors.toCollection(TreeSet::new))));
        assertThat(described.keySet()).containsExactlyInAnyOrderElementsOf(CheckDescriptor.SOURCES);
        for (String source : CheckDescriptor.SOURCES) {
            assertThat(described.get(source)).as(source).isEqualTo(emitted.get(source));
        }
    }

    private static Set<String> ids(List<String> ids) {
        Set<String> set = new TreeSet<>(ids);
        assertThat(set).as("ids are unique within a registry").hasSize(ids.size());
        return set;
    }
}
