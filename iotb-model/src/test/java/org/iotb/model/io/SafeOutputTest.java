package org.iotb.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeOutputTest {

    @Test
    void writesANewFileAndReplacesARegularOneLeavingNoTemporaryBehind(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("a/b/report.json");
        SafeOutput.writeString(out, "first");
        SafeOutput.writeString(out, "second");
        assertThat(Files.readString(out)).isEqualTo("second");
        assertThat(names(out.getParent())).containsExactly("report.json");
    }

    @Test
    void aLinkPlantedAtTheFileNameIsRefusedAndItsTargetUntouched(@TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "secret");
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("assessment.json"), victim);
        assertThatThrownBy(() -> SafeOutput.writeString(out.resolve("assessment.json"), "clobbered"))
                .isInstanceOf(PathRefusedException.class).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> SafeOutput.checkWritable(out.resolve("assessment.json")))
                .isInstanceOf(PathRefusedException.class);
        assertThat(Files.readString(victim)).isEqualTo("secret");
        assertThat(Files.isSymbolicLink(out.resolve("assessment.json"))).isTrue();
        assertThat(names(out)).containsExactly("assessment.json");
    }

    @Test
    void aDanglingLinkIsRefusedToo(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("manifest.json"), dir.resolve("would-be-created"));
        assertThatThrownBy(() -> SafeOutput.writeString(out.resolve("manifest.json"), "x"))
                .isInstanceOf(PathRefusedException.class);
        assertThat(dir.resolve("would-be-created")).doesNotExist();
    }

    @Test
    void anOutputFolderThatIsALinkOrAFileIsRefused(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("out"), elsewhere);
        assertThatThrownBy(() -> SafeOutput.writeString(link.resolve("report.html"), "x"))
                .isInstanceOf(PathRefusedException.class).hasMessageContaining("symbolic link");
        assertThat(names(elsewhere)).isEmpty();
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> SafeOutput.directory(file)).isInstanceOf(PathRefusedException.class)
                .hasMessageContaining("not a directory");
        assertThatThrownBy(() -> SafeOutput.directory(file.resolve("sub"))).isInstanceOf(PathRefusedException.class);
    }

    @Test
    void aDirectoryAtTheFileNameIsRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("report.html"));
        assertThatThrownBy(() -> SafeOutput.writeString(dir.resolve("report.html"), "x"))
                .isInstanceOf(PathRefusedException.class);
        assertThat(Files.isDirectory(dir.resolve("report.html"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporary(@TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("report.pdf"), "old");
        assertThatThrownBy(() -> SafeOutput.write(out, s -> {
            s.write(1);
            throw new java.io.IOException("renderer broke");
        })).hasMessage("renderer broke");
        assertThat(Files.readString(out)).isEqualTo("old");
        assertThat(names(dir)).containsExactly("report.pdf");
    }

    @Test
    void aLinkPlantedAmongTheFoldersParentsIsRefusedAndNothingIsCreatedWhereItPoints(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path shared = Files.createDirectory(dir.resolve("shared"));
        plantLink(shared.resolve("b"), elsewhere);
        for (Path out : java.util.List.of(shared.resolve("b/c"), shared.resolve("b/c/d"), shared.resolve("b"))) {
            assertThatThrownBy(() -> SafeOutput.directory(out)).as(out.toString())
                    .isInstanceOf(PathRefusedException.class).hasMessageContaining("symbolic link");
            assertThatThrownBy(() -> SafeOutput.writeString(out.resolve("manifest.json"), "x"))
                    .isInstanceOf(PathRefusedException.class);
        }
        assertThatThrownBy(() -> SafeOutput.directory(shared.resolve("b/c")))
                .hasMessageContaining(elsewhere.toRealPath().resolve("c").toString());
        assertThat(names(elsewhere)).as("nothing created through the link").isEmpty();
        Path real = SafeOutput.directory(shared.resolve("x/y/z"));
        assertThat(Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    /**
     * A link as another user would plant it: links root owns are trusted (the system's layout), so when the tests
     * run as root the link is handed to uid 65534 (nobody), the way it would belong to whoever planted it.
     */
    static Path plantLink(Path link, Path target) throws Exception {
        Files.createSymbolicLink(link, target);
        if (Integer.valueOf(0).equals(Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
            Files.setAttribute(link, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        }
        return link;
    }

    private static java.util.List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
