package org.iotb.firmware.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChecksListCommandTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ChecksListCommand());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void listsAsTableAndJson() throws Exception {
        assertThat(run()).contains("fw.elf.pie").contains("fw.cred.default-password");
        JsonNode json = Json.mapper().readTree(run("--format", "json", "--prefix", "fw.svc."));
        assertThat(json.size()).isEqualTo(7);
        assertThat(json.get(0).get("id").asText()).startsWith("fw.svc.");
    }
}
