package org.iotb.firmware.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
    @TempDir
    Path root;

    @Test
    void absoluteLinksResolveInsideTheImageNeverOnTheHost() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/shadow"), "root:x:1:0:99999:7:::\n");
        Files.createDirectories(root.resolve("var"));
        Files.createSymbolicLink(root.resolve("var/shadow"), Path.of("/etc/shadow"));
        Files.createSymbolicLink(root.resolve("var/up"), Path.of("../../../../etc/shadow"));
        FileTree t = FileTree.index(root);
        assertThat(t.resolve("var/shadow")).get().extracting(TreeFile::path).isEqualTo("etc/shadow");
        // ".." above the root stays at the root (chroot semantics), so this too is the image's own file
        assertThat(t.resolve("var/up")).get().extracting(TreeFile::path).isEqualTo("etc/shadow");
        assertThat(t.files()).extracting(TreeFile::path).containsExactly("etc/shadow");
    }

    @Test
    void linkLoopsAndDanglingLinksResolveToNothing() throws Exception {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
        Files.createSymbolicLink(root.resolve("d"), Path.of("/nonexistent/x"));
        Files.createDirectories(root.resolve("dir"));
        Files.createSymbolicLink(root.resolve("dir/self"), Path.of("."));
        FileTree t = FileTree.index(root);
        assertThat(t.resolve("a")).isEmpty();
        assertThat(t.resolve("d")).isEmpty();
        assertThat(t.resolve("dir/self/self/self/x")).isEmpty();
    }

    @Test
    void directoryLinksInsideTheTreeAreFollowed() throws Exception {
        Files.createDirectories(root.resolve("real/etc"));
        Files.writeString(root.resolve("real/etc/inittab"), "::sysinit:/etc/init.d/rcS\n");
        Files.createSymbolicLink(root.resolve("etc"), Path.of("real/etc"));
        FileTree t = FileTree.index(root);
        assertThat(t.resolve("/etc/inittab")).get().extracting(TreeFile::path).isEqualTo("real/etc/inittab");
    }

    @Test
    void classifiesByContentAndName() throws Exception {
        Files.createDirectories(root.resolve("etc/init.d"));
        Files.write(root.resolve("bin"), new byte[]{0x7f, 'E', 'L', 'F', 1, 1, 1, 0});
        Files.writeString(root.resolve("etc/init.d/S50x"), "telnetd\n");
        Files.writeString(root.resolve("etc/fstab"), "/dev/root / ext4 rw 0 0\n");
        Files.writeString(root.resolve("k.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Files.write(root.resolve("blob"), new byte[]{0, 1, 2, 3, (byte) 0xff});
        Files.writeString(root.resolve("empty"), "");
        FileTree t = FileTree.index(root);
        assertThat(t.resolve("bin").get().kind()).isEqualTo(FileKind.ELF);
        assertThat(t.resolve("etc/init.d/S50x").get().kind()).isEqualTo(FileKind.SCRIPT);
        assertThat(t.resolve("etc/fstab").get().kind()).isEqualTo(FileKind.CONFIG);
        assertThat(t.resolve("k.pem").get().kind()).isEqualTo(FileKind.KEY);
        assertThat(t.resolve("blob").get().kind()).isEqualTo(FileKind.BINARY);
        assertThat(t.resolve("empty").get().kind()).isEqualTo(FileKind.EMPTY);
    }

    @Test
    void stringsFindPrintableRunsWithOffsets() {
        byte[] b = "\0\1abc\0hello world\0xy\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(StringHit.extract(b, 6, 10)).containsExactly(new StringHit(6, "hello world"));
    }
}
