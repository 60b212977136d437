package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;

/** `iotb checks list` lists the checks of every module (the assertions of the former dev-only ChecksListCommand). */
class ChecksListTest {
    @Test
    void listsAsTableAndJson() throws Exception {
        Cli table = Cli.run("checks", "list");
        assertThat(table.exit).isZero();
        assertThat(table.out).contains("fw.elf.pie").contains("fw.cred.default-password");
        Cli json = Cli.run("checks", "list", "--format", "json");
        assertThat(json.exit).isZero();
        List<String> services = new ArrayList<>();
        for (JsonNode check : Json.mapper().readTree(json.out)) {
            if (check.get("id").asText().startsWith("fw.svc.")) {
                services.add(check.get("id").asText());
            }
        }
        assertThat(services).hasSize(7);
    }
}
