package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link planted at an output path (by another user of a shared folder) is refused with exit 2 and a
 * one-line message; the file it points to is never written. Also: the output paths that used to end in a stack
 * trace (issue #20).
 */
class PlantedLinksTest {
    private static final String IMAGE = Cli.example("firmware/sl100-1.5.0.bin");

    private static String[] assess(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("assess", "-q", "--profile", Cli.example("profile.yaml"),
                "--declarations", Cli.example("declarations.yaml"), "--declarations-only", "--format", "all",
                "-o", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void assessRefusesALinkPlantedAtEveryReportFileAndWritesNone(@TempDir Path dir) throws Exception {
        Path clean = dir.resolve("clean");
        Cli first = Cli.run(assess(clean));
        assertThat(first.exit).as(first.err).isIn(0, 1);
        List<String> outputs = names(clean);
        assertThat(outputs).contains("assessment.json", "report.html", "report.pdf", "report.sarif", "junit.xml",
                "oscal-assessment-results.json").anyMatch(n -> n.startsWith("ics-") && n.endsWith(".csv"))
                .anyMatch(n -> n.startsWith("ics-") && n.endsWith(".html"));
        for (String name : outputs) {
            Path victim = Files.writeString(dir.resolve("victim-" + name), "secret");
            Path out = Files.createDirectory(dir.resolve("out-" + name));
            Files.createSymbolicLink(out.resolve(name), victim);
            Cli c = Cli.run(assess(out));
            assertThat(c.exit).as(name + ": " + c.err).isEqualTo(2);
            assertThat(c.err).as(name).contains("symbolic link").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(Files.readString(victim)).as(name).isEqualTo("secret");
            assertThat(names(out)).as("nothing written beside the planted " + name).containsExactly(name);
        }
    }

    @Test
    void anOutputDirectoryThatIsALinkIsRefused(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path out = Files.createSymbolicLink(dir.resolve("out"), elsewhere);
        Cli c = Cli.run(assess(out));
        assertThat(c.exit).as(c.err).isEqualTo(2);
        assertThat(names(elsewhere)).isEmpty();
    }

    @Test
    void reportRefusesAPlantedLink(@TempDir Path dir) throws Exception {
        Path clean = dir.resolve("clean");
        assertThat(Cli.run(assess(clean)).exit).isIn(0, 1);
        Path victim = Files.writeString(dir.resolve("victim"), "secret");
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("report.html"), victim);
        Cli c = Cli.run("report", clean.resolve("assessment.json").toString(), "--format", "html", "-o", out.toString());
        assertThat(c.exit).as(c.err).isEqualTo(2);
        assertThat(Files.readString(victim)).isEqualTo("secret");
    }

    @Test
    void scanFirmwareWorkdirRefusesAPlantedManifestLink(@TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "secret");
        Path work = Files.createDirectory(dir.resolve("work"));
        Files.createSymbolicLink(work.resolve("manifest.json"), victim);
        Cli c = Cli.run("scan", "firmware", "-q", IMAGE, "-w", work.toString());
        assertThat(c.exit).as(c.err).isEqualTo(2);
        assertThat(c.err).contains("manifest.json").contains("symbolic link").doesNotContain("\tat ");
        assertThat(Files.readString(victim)).isEqualTo("secret");
    }

    @Test
    void unpackRefusesAPlantedManifestLink(@TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "secret");
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("manifest.json"), victim);
        Cli c = Cli.run("unpack", IMAGE, "-o", out.toString());
        assertThat(c.exit).as(c.err).isEqualTo(2);
        assertThat(c.err).contains("symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("secret");
    }

    @Test
    void singleFileOutputsRefuseAPlantedLink(@TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "secret");
        Path link = Files.createSymbolicLink(dir.resolve("planted"), victim);
        String o = link.toString();
        String[][] commands = {
            {"scan", "firmware", "-q", IMAGE, "--format", "json", "-o", o},
            {"sbom", "-q", IMAGE, "--format", "cyclonedx", "-o", o},
            {"profile", "init", "--force", "-o", o},
            {"declarations", "init", "--profile", Cli.example("profile.yaml"), "--force", "-o", o},
            {"ics", "--profile", Cli.example("profile.yaml"), "--standard", "etsi-en-303-645", "-o", o},
        };
        for (String[] args : commands) {
            Cli c = Cli.run(args);
            assertThat(c.exit).as(String.join(" ", args) + ": " + c.err).isEqualTo(2);
            assertThat(Files.readString(victim)).as(String.join(" ", args)).isEqualTo("secret");
        }
    }

    @Test
    void aWorkdirThatIsAFileIsAMessageNotAStackTrace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        Cli c = Cli.run("scan", "firmware", "-q", IMAGE, "-w", file.toString());
        assertThat(c.exit).as(c.err).isEqualTo(2);
        assertThat(c.err.strip().lines()).hasSize(1);
        assertThat(c.err).contains("afile").contains("not a directory").doesNotContain("Exception");
    }

    @Test
    void anExistingExtractionIsAMessageNotAStackTrace(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("work");
        assertThat(Cli.run("scan", "firmware", "-q", IMAGE, "-w", work.toString()).exit).isIn(0, 1);
        Cli again = Cli.run("scan", "firmware", "-q", IMAGE, "-w", work.toString());
        assertThat(again.exit).as(again.err).isEqualTo(2);
        assertThat(again.err.strip().lines()).hasSize(1);
        assertThat(again.err).contains(".extracted already exists").doesNotContain("Exception");
    }

    @Test
    void unpackIntoAFileSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        for (Path o : List.of(file, file.resolve("sub"))) {
            Cli c = Cli.run("unpack", IMAGE, "-o", o.toString());
            assertThat(c.exit).as(c.err).isEqualTo(2);
            assertThat(c.err.strip()).as("more than the path alone").isNotEqualTo("iotb unpack: " + o)
                    .contains("not a directory");
        }
    }

    @Test
    void aLinkPlantedAmongTheOutputFoldersParentsIsRefusedByEveryCommand(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.createSymbolicLink(shared.resolve("b"), elsewhere);
        if (Integer.valueOf(0).equals(Files.getAttribute(shared.resolve("b"), "unix:uid",
                java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
            // root's links are trusted as the system's layout: planted by someone else, it belongs to them
            Files.setAttribute(shared.resolve("b"), "unix:uid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
        String o = shared.resolve("b/c").toString();
        String[][] commands = {
            assess(Path.of(o)),
            {"scan", "firmware", "-q", IMAGE, "-w", o},
            {"unpack", IMAGE, "-o", o},
            {"sbom", "-q", IMAGE, "--format", "cyclonedx", "-o", o + "/sbom.json"},
        };
        for (String[] args : commands) {
            Cli c = Cli.run(args);
            String what = String.join(" ", args);
            assertThat(c.exit).as(what + ": " + c.err).isEqualTo(2);
            assertThat(c.err).as(what).contains("symbolic link").contains(shared.resolve("b").toString())
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(names(elsewhere)).as(what + ": nothing created through the link").isEmpty();
        }
    }

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
