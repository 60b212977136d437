package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device, FIFO or socket given where a file is expected is refused at once with exit 2; a directory input with
 * such things (and links) inside is scanned without opening them (issue #20: each of these hung before).
 */
class NonRegularInputsTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(30);

    @Test
    void everyFileInputRefusesAFifoADeviceAndASocket(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir.resolve("fifo"));
        try (ServerSocketChannel sock = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            sock.bind(UnixDomainSocketAddress.of(dir.resolve("sock")));
            for (Path bad : List.of(fifo, Path.of("/dev/zero"), dir.resolve("sock"))) {
                for (String[] args : commands(bad, dir)) {
                    String what = String.join(" ", args);
                    Cli c = assertTimeoutPreemptively(AT_ONCE, () -> Cli.run(args), what);
                    assertThat(c.exit).as(what + ": " + c.err).isEqualTo(2);
                    assertThat(c.err).as(what).contains(bad.toString()).doesNotContain("\tat ");
                }
            }
        }
    }

    private static List<String[]> commands(Path bad, Path dir) {
        String b = bad.toString();
        String profile = Cli.example("profile.yaml");
        String image = Cli.example("firmware/sl100-1.5.0.bin");
        String out = dir.resolve("out").toString();
        List<String[]> l = new ArrayList<>();
        l.add(new String[] {"scan", "firmware", "-q", b});
        l.add(new String[] {"scan", "firmware", "-q", image, "--suppressions", b});
        l.add(new String[] {"sbom", "-q", b});
        l.add(new String[] {"unpack", b, "-o", out});
        l.add(new String[] {"assess", "-q", "--profile", profile, "--firmware", b, "-o", out});
        l.add(new String[] {"assess", "-q", "--profile", b, "-o", out});
        l.add(new String[] {"assess", "-q", "--profile", profile, "--declarations", b, "-o", out});
        l.add(new String[] {"ics", "--profile", b});
        l.add(new String[] {"profile", "check", b});
        l.add(new String[] {"declarations", "check", b});
        l.add(new String[] {"declarations", "init", "--profile", b});
        l.add(new String[] {"report", b, "-o", out});
        l.add(new String[] {"diff", b, b});
        l.add(new String[] {"scan", "device", "127.0.0.1", "-q", "--credentials", b});
        return l;
    }

    @Test
    void vulndbImportReportsANonRegularFileAndGoesOn(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir.resolve("osv.json"));
        Cli c = assertTimeoutPreemptively(AT_ONCE, () -> Cli.run("vulndb", "--db", dir.resolve("db").toString(),
                "import", fifo.toString(), "/dev/zero"));
        assertThat(c.exit).as(c.err).isEqualTo(1); // import's own code: some files could not be imported
        assertThat(c.err).contains(fifo.toString()).contains("/dev/zero").contains("not a regular file");
    }

    @Test
    void aDirectoryInputNeverOpensAFifoOrFollowsALinkInside(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("usr/lib/opkg/info"));
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        fifo(root.resolve("etc/shadow"));
        fifo(root.resolve("etc/passwd"));
        fifo(root.resolve("var/lib/dpkg/status"));
        fifo(root.resolve("usr/lib/opkg/info/busybox.control"));
        Files.createSymbolicLink(root.resolve("etc/zero"), Path.of("/dev/zero"));
        Files.createSymbolicLink(root.resolve("etc/fifo-link"), root.resolve("etc/shadow"));
        Files.createSymbolicLink(root.resolve("outside"), Path.of("/etc"));
        Files.writeString(root.resolve("etc/hostname"), "lock\n");
        Path link = Files.createSymbolicLink(dir.resolve("rootfs-link"), root); // the top-level link is followed
        for (String input : List.of(root.toString(), link.toString())) {
            Cli scan = assertTimeoutPreemptively(AT_ONCE, () -> Cli.run("scan", "firmware", "-q", input, "--format", "json"));
            assertThat(scan.exit).as(scan.err).isIn(0, 1);
            assertThat(scan.out).doesNotContain("root:x:0:0");
            Cli sbom = assertTimeoutPreemptively(AT_ONCE, () -> Cli.run("sbom", "-q", input));
            assertThat(sbom.exit).as(sbom.err).isZero();
        }
        Cli assess = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("assess", "-q", "--profile",
                Cli.example("profile.yaml"), "--firmware", root.toString(), "-o", dir.resolve("out").toString()));
        assertThat(assess.exit).as(assess.err).isIn(0, 1);
    }

    static Path fifo(Path file) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("mkfifo not available: " + e.getMessage());
            return file;
        }
        Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(file), "mkfifo failed");
        return file;
    }
}
