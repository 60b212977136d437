package org.iotb.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanTreeCommandTest {
    @TempDir
    Path root;

    @Test
    void jsonOutputIsAScanResultWithEvidenceAndSuppressionsApply() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/shadow"), "root::19000:0:99999:7:::\n");
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ScanTreeCommand());
        cl.setOut(new PrintWriter(out));
        int rc = cl.execute("--format", "json", "--checks", "fw.cred.*", root.toString());
        assertThat(rc).as("a fail sets exit code 1").isEqualTo(1);
        JsonNode json = Json.mapper().readTree(out.toString());
        JsonNode empty = null;
        for (JsonNode f : json.get("findings")) {
            if (f.get("check").asText().equals("fw.cred.empty-password")) {
                empty = f;
            }
        }
        assertThat(empty).isNotNull();
        assertThat(empty.get("outcome").asText()).isEqualTo("fail");
        assertThat(empty.get("evidence").get(0).get("path").asText()).isEqualTo("etc/shadow");
        assertThat(empty.get("evidence").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(json.get("findings").size()).isEqualTo(4);

        Path supp = root.resolve("supp.yaml");
        Files.writeString(supp, "- check: fw.cred.empty-password\n  path: etc/shadow\n  justification: lab unit\n"
                + "  expires: 2999-01-01\n");
        StringWriter out2 = new StringWriter();
        CommandLine cl2 = new CommandLine(new ScanTreeCommand());
        cl2.setOut(new PrintWriter(out2));
        assertThat(cl2.execute("--format", "json", "--checks", "fw.cred.empty-password", "--suppressions",
                supp.toString(), root.toString())).isZero();
        assertThat(out2.toString()).contains("\"suppressedOutcome\" : \"fail\"");
    }
}
