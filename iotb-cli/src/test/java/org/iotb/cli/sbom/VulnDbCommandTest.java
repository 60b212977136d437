package org.iotb.cli.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VulnDbCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void vulndbImportThenStatus(@TempDir Path tmp) throws Exception {
        Path feed = tmp.resolve("nvd.json");
        try (InputStream in = VulnDbCommandTest.class.getResourceAsStream("/org/iotb/sbom/feeds/nvd-2.0-sample.json")) {
            Files.copy(in, feed);
        }
        Path store = tmp.resolve("store");
        Run imp = run(new VulnDbCommand(), "import", "--db", store.toString(), feed.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("nvd, 2 records read, 2 kept");
        Run status = run(new VulnDbCommand(), "--db", store.toString(), "status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("nvd:     2 records", "starter:", feed.toAbsolutePath().toString());
        Run bad = run(new VulnDbCommand(), "import", "--db", store.toString(), tmp.resolve("missing.json").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("cannot import");
    }
}
