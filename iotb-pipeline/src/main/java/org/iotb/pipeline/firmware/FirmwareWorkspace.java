package org.iotb.pipeline.firmware;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotb.firmware.UpdateImageFormat;
import org.iotb.model.io.InputFiles;
import org.iotb.model.io.SafeOutput;
import org.iotb.pipeline.PipelineInputException;
import org.iotb.pipeline.PipelineListener;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.UnpackResult;
import org.iotb.unpack.Unpacker;
import org.iotb.unpack.formats.UpdateIntegrity;
import org.iotb.unpack.manifest.ContainerRecord;
import org.iotb.unpack.manifest.UBootEnvironment;

/**
 * A firmware input made ready for checks: an image unpacked into a workspace directory, or a directory that is
 * already an unpacked tree (then nothing is unpacked). A temporary workspace is deleted on close unless kept.
 */
public final class FirmwareWorkspace implements AutoCloseable {
    private final Path input;
    private final String sha256;
    private final Path treeRoot;
    private final UnpackResult unpack;
    private final Path temporary;

    private FirmwareWorkspace(Path input, String sha256, Path treeRoot, UnpackResult unpack, Path temporary) {
        this.input = input;
        this.sha256 = sha256;
        this.treeRoot = treeRoot;
        this.unpack = unpack;
        this.temporary = temporary;
    }

    /**
     * @param workdir where to unpack (created if needed; must be a real directory, not a link); null for a
     *                temporary directory removed on close
     * @throws org.iotb.model.io.PathRefusedException when the input is a device, FIFO or socket, or the work
     *                directory is a file or a link
     */
    public static FirmwareWorkspace open(Path input, Path workdir, UnpackOptions options, PipelineListener listener) throws IOException {
        if (!Files.exists(input)) {
            throw new PipelineInputException("no such firmware image or directory: " + input);
        }
        // before anything opens it: a device or FIFO would never end (the hash below would read it forever)
        BasicFileAttributes kind = InputFiles.requireFileOrDirectory(input, "firmware");
        if (kind.isDirectory()) {
            // a link given as the input is followed this once; the walk below it follows none
            return new FirmwareWorkspace(input, null, input.toRealPath(), null, null);
        }
        Path temp = null;
        Path out = workdir;
        if (out == null) {
            temp = Files.createTempDirectory("iotb-");
            out = temp;
        } else {
            SafeOutput.directory(out); // refuses a file or a planted link with a message before any work
        }
        listener.stageStarted("unpacking " + input.getFileName());
        UnpackResult result = new Unpacker().unpack(input, out, options,
                (container, entries, bytes) -> listener.progress(entries + " files, " + (bytes >> 20) + " MiB"));
        listener.stageDone(result.entries().size() + " files from " + result.containers().size() + " containers"
                + (result.warnings().isEmpty() ? "" : ", " + result.warnings().size() + " warning(s)"));
        // the unpacker hashes the image beside its carving: one read of the file, not two
        return new FirmwareWorkspace(input, result.manifest().imageSha256(), result.extractedRoot(), result, temp);
    }

    public Path input() {
        return input;
    }

    /** SHA-256 of the image file, or null when the input is a directory. */
    public String sha256() {
        return sha256;
    }

    public Path treeRoot() {
        return treeRoot;
    }

    /** The unpack result, or null when the input was already a directory. */
    public UnpackResult unpack() {
        return unpack;
    }

    /**
     * Variables of every CRC-valid U-Boot environment in the image (later blocks do not override earlier ones),
     * then those of U-Boot's compiled-in default environment, which U-Boot uses only where no valid block says
     * otherwise.
     */
    public Map<String, String> bootEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (unpack != null) {
            for (boolean builtIn : new boolean[] {false, true}) {
                for (UBootEnvironment e : unpack.ubootEnvironments()) {
                    if (Boolean.TRUE.equals(e.builtIn()) == builtIn) {
                        e.variables().forEach(env::putIfAbsent);
                    }
                }
            }
        }
        return env;
    }

    /**
     * The vendor container the image as given is wrapped in, when it protects the image with a checksum only
     * (SEAMA, TRX, legacy uImage, TP-Link header: {@link UpdateIntegrity}); null when there is none, when the input
     * is a directory, or when such a container is only nested inside something else (a blob inside an image is not
     * the update format).
     */
    public UpdateImageFormat updateImageFormat() {
        if (unpack == null) {
            return null;
        }
        for (ContainerRecord c : unpack.containers()) {
            if (c.depth() == 0 && c.offset() == 0) {
                var integrity = UpdateIntegrity.checksumOnly(c.info());
                if (integrity.isPresent()) {
                    return new UpdateImageFormat(c.format(), c.description(), integrity.get());
                }
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        if (temporary != null) {
            deleteTree(temporary);
        }
    }

    /** Deletes a tree without following symlinks (a hostile image may contain links to anywhere). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                dir.toFile().setWritable(true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
