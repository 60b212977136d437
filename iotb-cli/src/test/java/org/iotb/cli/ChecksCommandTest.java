package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Checks;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;

/** `iotb checks list --source S` lists exactly the checks of source S, for every source. */
class ChecksCommandTest {

    @Test
    void everySourceFilterListsExactlyThatSourcesChecks() throws Exception {
        List<String> listed = new ArrayList<>();
        for (String source : CheckDescriptor.SOURCES) {
            Cli c = Cli.run("checks", "list", "--source", source, "--format", "json");
            assertThat(c.exit).as(source).isZero();
            JsonNode arr = Json.mapper().readTree(c.out);
            assertThat(arr.size()).as(source).isPositive();
            for (JsonNode d : arr) {
                assertThat(d.get("source").asText()).isEqualTo(source);
                listed.add(d.get("id").asText());
            }
        }
        // the four sources partition every registered check
        assertThat(listed).containsExactlyInAnyOrderElementsOf(Checks.all().stream().map(CheckDescriptor::id).toList());
    }

    @Test
    void deviceChecksAreListedInTheTable() {
        Cli c = Cli.run("checks", "list", "--source", "device");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("net.tls.legacy-protocol").contains("net.auth.default-credentials")
                .contains("device (intrusive)").doesNotContain("fw.elf.pie").doesNotContain("sbom.");
    }

    @Test
    void anUnknownSourceIsAUsageError() {
        Cli c = Cli.run("checks", "list", "--source", "iotb-probe");
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.err).contains("firmware, sbom, device, assessment");
    }
}
