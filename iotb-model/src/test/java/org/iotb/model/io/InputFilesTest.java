package org.iotb.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @Test
    void aRegularFileAndALinkToOneAreAccepted(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("p.yaml"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), f);
        assertThat(InputFiles.requireFile(f, "profile").isRegularFile()).isTrue();
        assertThat(InputFiles.requireFile(link, "profile").size()).isEqualTo(1);
    }

    @Test
    void aFifoADeviceAndASocketAreRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path fifo = HostileFiles.fifo(dir.resolve("fifo"));
        try (ServerSocketChannel ignored = HostileFiles.socket(dir.resolve("sock"))) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (Path p : new Path[] {fifo, Path.of("/dev/zero"), dir.resolve("sock"),
                        Files.createSymbolicLink(dir.resolve("to-fifo"), fifo)}) {
                    assertThatThrownBy(() -> InputFiles.requireFile(p, "profile")).as(p.toString())
                            .isInstanceOf(PathRefusedException.class).hasMessageContaining("not a regular file");
                    assertThatThrownBy(() -> InputFiles.requireFileOrDirectory(p, "firmware")).as(p.toString())
                            .isInstanceOf(PathRefusedException.class);
                }
            });
        }
    }

    @Test
    void aDirectoryIsAFirmwareInputButNotAFile(@TempDir Path dir) throws Exception {
        assertThat(InputFiles.requireFileOrDirectory(dir, "firmware").isDirectory()).isTrue();
        assertThatThrownBy(() -> InputFiles.requireFile(dir, "profile")).isInstanceOf(PathRefusedException.class)
                .hasMessageContaining("is a directory");
        assertThatThrownBy(() -> InputFiles.requireFile(dir.resolve("missing"), "profile"))
                .isInstanceOf(NoSuchFileException.class);
    }
}
