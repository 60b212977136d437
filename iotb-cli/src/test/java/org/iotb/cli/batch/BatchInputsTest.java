package org.iotb.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchInputsTest {

    @Test
    void aDirectoryGivesEveryVisibleFileOrOnlyThoseTheGlobsName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.bin"), "x");
        Files.writeString(dir.resolve("README.md"), "x");
        Files.writeString(dir.resolve(".hidden.bin"), "x");
        Files.createDirectories(dir.resolve("vendor"));
        Files.writeString(dir.resolve("vendor/c.img"), "x");

        assertThat(names(BatchInputs.resolve(List.of(dir)), dir)).containsExactly("README.md", "a.bin", "vendor/c.img");
        assertThat(names(BatchInputs.resolve(List.of(dir), List.of("*.bin", "*.img")), dir))
                .containsExactly("a.bin", "vendor/c.img");
    }

    private static List<String> names(List<BatchInputs.Image> images, Path dir) {
        return images.stream().map(i -> dir.relativize(i.file()).toString()).toList();
    }
}
