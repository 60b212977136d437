package org.iotb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iotb.pipeline.firmware.FirmwareWorkspace;

/**
 * Builds the class-data archive {@code iotb.jsa} that {@code ./iotb} maps at start-up, so that the JVM finds the
 * classes a run needs already parsed and verified instead of reading them from the 40 MB jar (docs/architecture.md,
 * "Start-up"). The build runs it right after the fat jar is made:
 * {@code java -cp iotb.jar org.iotb.cli.ClassDataArchive iotb.jar iotb.jsa FIRMWARE}.
 *
 * <p>A static archive ({@code -Xshare:dump} from the class list of a {@link ClassDataTraining} run), not a dynamic
 * one ({@code -XX:ArchiveClassesAtExit}): JDK 17 leaves classes compiled for Java 5 out of dynamic archives, and
 * picocli, the bulk of start-up, is compiled for Java 5. The archive is checked by mapping it once with
 * {@code -Xshare:on} and only then moved into place, because the JVM crashes (SIGBUS) on a truncated archive.
 *
 * <p>Exit code 0 with the archive in place, 1 without one; the build only warns then, since {@code ./iotb} works
 * without the archive, just starts slower.
 */
public final class ClassDataArchive {
    private static final long STEP_TIMEOUT_MINUTES = 5;

    private final Path jar;
    private final Path archive;
    private final Path log;

    ClassDataArchive(Path jar, Path archive) {
        this.jar = jar.toAbsolutePath();
        this.archive = archive.toAbsolutePath();
        this.log = sibling(".log");
    }

    public static void main(String[] args) {
        ClassDataArchive cds = new ClassDataArchive(Path.of(args[0]), Path.of(args[1]));
        try {
            cds.build(Path.of(args[2]).toAbsolutePath());
            System.exit(0);
        } catch (IOException | InterruptedException e) {
            System.err.println("iotb: no class-data archive, ./iotb will start slower: " + e.getMessage()
                    + " (details: " + cds.log + ")");
            System.exit(1);
        }
    }

    /** Trains, dumps, checks and installs the archive; on any failure no archive is left behind. */
    void build(Path firmware) throws IOException, InterruptedException {
        Path classList = sibling(".classlist");
        Path work = sibling(".training");
        Path candidate = sibling(".tmp");
        Files.deleteIfExists(archive); // the previous jar's: ./iotb skips it anyway, being older than the jar
        Files.deleteIfExists(classList);
        Files.deleteIfExists(candidate);
        Files.deleteIfExists(log);
        FirmwareWorkspace.deleteTree(work);
        Files.createDirectories(work);
        try {
            // the class list is written as classes load, so a step that failed still leaves a usable list
            int training = java("-XX:DumpLoadedClassList=" + classList, "-cp", jar.toString(),
                    ClassDataTraining.class.getName(), work.toString(), firmware.toString());
            if (training != 0) {
                // still worth an archive: it holds what the steps that ran loaded
                System.err.println("iotb: the class-data training did not run as expected (exit code " + training
                        + ", see " + log + ")");
            }
            if (!Files.isRegularFile(classList)
                    || !Files.readAllLines(classList).contains(Main.class.getName().replace('.', '/'))) {
                throw new IOException("the training run loaded none of iotb's classes");
            }
            require(java("-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                    "-XX:SharedArchiveFile=" + candidate, "-cp", jar.toString()), "dumping the archive");
            require(java("-Xshare:on", "-XX:SharedArchiveFile=" + candidate, "-cp", jar.toString(),
                    Main.class.getName(), "--version"), "mapping the new archive");
            Files.move(candidate, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(candidate);
            FirmwareWorkspace.deleteTree(work);
        }
    }

    private Path sibling(String suffix) {
        return archive.resolveSibling(archive.getFileName() + suffix);
    }

    private static void require(int exitCode, String step) throws IOException {
        if (exitCode != 0) {
            throw new IOException(step + " failed (exit code " + exitCode + ")");
        }
    }

    /** Runs this JVM's own java with the options, output appended to the log; the exit code. */
    private int java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new IOException("timed out after " + STEP_TIMEOUT_MINUTES + " minutes: " + String.join(" ", args));
        }
        return p.exitValue();
    }
}
