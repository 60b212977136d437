package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of iotb serve that do not start a server: help, the backup, usage errors. */
class ServeCommandTest {

    @Test
    void helpTeachesTheFirstStartAndTheOptions() {
        Cli c = Cli.run("serve", "--help");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("Usage: iotb serve").contains("IOTB_ADMIN_PASSWORD").contains("iotb serve --load-example")
                .contains("--db=URL").contains("--backup=FILE").contains("--workers=N").contains("default: 127.0.0.1");
    }

    @Test
    void backupWritesAConsistentSqliteCopyAndTheBlobList(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Path file = tmp.resolve("backup/iotb-backup.db");
        Cli c = Cli.run("serve", "--data", data.toString(), "--backup", file.toString());
        assertThat(c.exit).as(c.err).isZero();
        assertThat(Files.readAllBytes(file)).startsWith("SQLite format 3".getBytes());
        assertThat(Path.of(file + ".blobs.txt")).content().startsWith("# blobs of ");
        Cli again = Cli.run("serve", "--data", data.toString(), "--backup", file.toString());
        assertThat(again.exit).isEqualTo(2);
        assertThat(again.err).contains("exists");
    }

    @Test
    void backupOfAPostgresqlWorkspaceSaysToUsePgDump(@TempDir Path tmp) {
        Cli c = Cli.run("serve", "--db", "jdbc:postgresql://127.0.0.1:1/iotb", "--backup", tmp.resolve("b").toString());
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.err).contains("pg_dump");
    }

    @Test
    void impossibleNumbersAreUsageErrors() {
        assertThat(Cli.run("serve", "--port", "70000").exit).isEqualTo(2);
        assertThat(Cli.run("serve", "--workers", "0").exit).isEqualTo(2);
    }
}
