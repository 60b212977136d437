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

    @Test
    void aSubtreeIsTheTreeIndexedThereWithoutReadingAgain() throws Exception {
        Path r = root.resolve("65536-squashfs");
        Files.createDirectories(r.resolve("etc/init.d"));
        Files.createDirectories(r.resolve("config"));
        Files.createDirectories(r.resolve("bin"));
        Files.write(r.resolve("bin/busybox"), new byte[]{0x7f, 'E', 'L', 'F', 1, 1, 1, 0});
        Files.createSymbolicLink(r.resolve("bin/sh"), Path.of("busybox"));
        Files.writeString(r.resolve("etc/init.d/S50x"), "telnetd\n");
        // "config/settings" is plain text in the root file system, but a config file when seen from above it
        // ("65536-squashfs/config/settings" contains "/config/"): a view must classify by its own paths
        Files.writeString(r.resolve("config/settings"), "hostname=cam\n");
        Files.writeString(root.resolve("0-uimage.bin"), "outside the root\n");
        FileTree whole = FileTree.index(root);
        assertThat(whole.file("65536-squashfs/config/settings").get().kind()).isEqualTo(FileKind.CONFIG);

        FileTree view = whole.subtree("65536-squashfs");
        FileTree own = FileTree.index(r);
        assertThat(view.root()).isEqualTo(own.root());
        assertThat(view.files()).isEqualTo(own.files());
        assertThat(view.file("config/settings").get().kind()).isEqualTo(FileKind.TEXT);
        assertThat(view.links()).isEqualTo(own.links()).containsEntry("bin/sh", "busybox");
        assertThat(view.directories()).isEqualTo(own.directories());
        assertThat(view.walkOrder()).isEqualTo(own.walkOrder());
        assertThat(view.warnings()).isEqualTo(own.warnings());
        assertThat(view.resolve("/bin/sh")).get().extracting(TreeFile::path).isEqualTo("bin/busybox");
        assertThat(whole.subtree("")).isSameAs(whole);
    }
}
