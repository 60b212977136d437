package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataTrainingTest {

    /** The build trains the class-data archive with these steps; one that broke would leave its classes out. */
    @Test
    @Tag("integration")
    void everyTrainingStepEndsAsExpected(@TempDir Path work) throws IOException {
        assertThat(ClassDataTraining.steps()).anyMatch(s -> s.contains(" unpack {firmware}"))
                .anyMatch(s -> s.contains(" scan firmware"));
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            assertThat(ClassDataTraining.run(work, Path.of(Cli.example("firmware/sl100-1.4.2-unit1.bin")))).isEmpty();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertThat(out.toString()).contains("Usage: iotb").contains("5.1-1");
        assertThat(err.toString()).contains("Did you mean: iotb unpack?");
        assertThat(work.resolve("unpack/manifest.json")).isRegularFile();
        assertThat(work.resolve("scan.sarif")).isRegularFile();
    }

    @Test
    void aFailedBuildLeavesNoArchive(@TempDir Path dir) throws IOException {
        Path archive = dir.resolve("iotb.jsa");
        Files.writeString(archive, "an archive of an earlier jar");
        ClassDataArchive cds = new ClassDataArchive(dir.resolve("missing.jar"), archive);
        assertThatThrownBy(() -> cds.build(Path.of(Cli.example("firmware/sl100-1.4.2-unit1.bin"))))
                .isInstanceOf(IOException.class);
        assertThat(archive).doesNotExist();
        assertThat(dir.resolve("iotb.jsa.tmp")).doesNotExist();
        assertThat(dir.resolve("iotb.jsa.training")).doesNotExist();
        assertThat(dir.resolve("iotb.jsa.log")).isRegularFile();
    }
}
