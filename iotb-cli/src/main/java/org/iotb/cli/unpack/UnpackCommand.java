package org.iotb.cli.unpack;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iotb.model.Json;
import org.iotb.model.io.PathRefusedException;
import org.iotb.unpack.UnpackListener;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.UnpackResult;
import org.iotb.unpack.Unpacker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iotb unpack IMAGE -o DIR}: recursive, safe extraction with a manifest. */
@Command(name = "unpack", mixinStandardHelpOptions = true, versionProvider = UnpackCommand.Version.class,
        description = {
            "Recursively extract a firmware image into DIR and write DIR/manifest.json.",
            "",
            "Structures are found by their magic bytes at ANY offset and validated (header CRCs, checksums, "
                + "block walks), so a kernel + rootfs blob behind an unknown vendor header still yields its parts. "
                + "Everything extracted is searched again, up to --max-depth containers deep.",
            "",
            "Formats: gzip, xz, lzma, bzip2, zstd, lz4 (frame and legacy), lzo; tar, cpio, zip, 7z; U-Boot uImage "
                + "and FIT; TRX; Android sparse and boot images; device tree blobs; Intel HEX; S-record; U-Boot "
                + "environment blocks (CRC-checked); plus every file-system handler on the class path "
                + "(squashfs, cramfs, ext, jffs2, UBI, ...).",
            "",
            "The image is hostile input: names are sanitised, nothing is written outside DIR or through a "
                + "symlink, hard links and device nodes are recorded (not created), and the limits below stop "
                + "bombs. A limit or a malformed structure gives a warning and a partial result, never a crash.",
            "",
            "Output: DIR/<image>.extracted/<offset>-<format>/... ; what is found inside an extracted file goes "
                + "to <file>.extracted/ next to it. DIR/manifest.json lists every entry (path, size, sha256, "
                + "detected type, mode, link target, provenance = the chain of containers and offsets), the "
                + "regions nothing recognised (size, entropy, padding/high-entropy), the variables of U-Boot "
                + "environments and the image's entropy profile. Fields: docs/unpacking.md.",
            ""},
        footer = {"", "Examples:",
            "  iotb unpack router.bin -o out",
            "  iotb unpack big.img -o out --max-total-bytes 8g --timeout 30m --json"})
public final class UnpackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The firmware image or archive to unpack.")
    Path image;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if needed; must not already hold IMAGE's extraction).")
    Path output;

    @Option(names = "--max-depth", paramLabel = "N", description = "Containers deep to recurse (default: ${DEFAULT-VALUE}).")
    int maxDepth = UnpackOptions.defaults().maxDepth();

    @Option(names = "--max-total-bytes", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Total bytes written, e.g. 4g, 512m (default: 4g).")
    long maxTotalBytes = UnpackOptions.defaults().maxTotalBytes();

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Largest single extracted file (default: 1g).")
    long maxFileSize = UnpackOptions.defaults().maxFileSize();

    @Option(names = "--max-ratio", paramLabel = "N",
            description = "Largest output:input ratio of a container once its output passes 8 MiB (default: ${DEFAULT-VALUE}).")
    int maxRatio = UnpackOptions.defaults().maxRatio();

    @Option(names = "--max-files", paramLabel = "N", description = "Entries recorded in total (default: ${DEFAULT-VALUE}).")
    int maxFiles = UnpackOptions.defaults().maxFiles();

    @Option(names = "--timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Wall-clock limit, e.g. 90s, 10m, 1h (default: 10m).")
    Duration timeout = UnpackOptions.defaults().timeout();

    @Option(names = "--json", description = "Print a JSON summary of the manifest instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(image)) { // a directory, a device, a FIFO or a socket: refused before any read
            err.println("iotb unpack: not a readable file: " + image);
            return 2;
        }
        UnpackOptions opts;
        try {
            opts = UnpackOptions.builder().maxDepth(maxDepth).maxTotalBytes(maxTotalBytes).maxFileSize(maxFileSize)
                    .maxRatio(maxRatio).maxFiles(maxFiles).timeout(timeout).build();
        } catch (IllegalArgumentException e) {
            err.println("iotb unpack: " + e.getMessage());
            return 2;
        }
        boolean progress = System.console() != null && System.getenv("CI") == null;
        UnpackListener listener = progress
                ? (c, entries, bytes) -> {
                    err.printf("\r%s at %d: %d entries, %d MiB", c.format(), c.offset(), entries, bytes >> 20);
                    err.flush();
                }
                : UnpackListener.NONE;
        UnpackResult r;
        try {
            r = new Unpacker().unpack(image, output, opts, listener);
        } catch (PathRefusedException e) {
            err.println("iotb unpack: " + e.getMessage());
            return 2;
        } catch (java.nio.file.FileSystemException e) {
            // its message is often the path alone ("out" for -o naming a file): say what went wrong
            err.println("iotb unpack: " + describe(e));
            return 2;
        } catch (java.io.IOException e) {
            err.println("iotb unpack: " + e.getMessage());
            return 1;
        }
        if (progress) {
            err.println();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("image", r.manifest().image());
        summary.put("imageSha256", r.manifest().imageSha256());
        summary.put("manifest", r.manifestFile().toString());
        summary.put("root", r.extractedRoot().toString());
        summary.put("stats", r.manifest().stats());
        summary.put("containers", r.containers().stream().map(c -> c.container() + "@" + c.offset() + " " + c.format()).toList());
        summary.put("unrecognisedRegions", r.unrecognised().size());
        summary.put("ubootEnvironments", r.ubootEnvironments().size());
        summary.put("warnings", r.warnings());
        if (json) {
            out.println(Json.mapper().writeValueAsString(summary));
        } else {
            out.printf("%s: %d entries from %d containers into %s%n", r.manifest().image(),
                    r.entries().size(), r.containers().size(), r.extractedRoot());
            r.containers().forEach(c -> out.printf("  %-10s at %-10d in %s%n", c.format(), c.offset(), c.container()));
            out.printf("%d unrecognised regions, %d warnings; manifest: %s%n", r.unrecognised().size(),
                    r.warnings().size(), r.manifestFile());
            r.warnings().stream().limit(20).forEach(w -> out.println("  warning: " + w));
        }
        return 0;
    }

    /** A file-system error as a sentence: the path, then the reason (the exception's own message may be just the path). */
    static String describe(java.nio.file.FileSystemException e) {
        String reason = e.getReason() != null ? e.getReason()
                : e instanceof java.nio.file.FileAlreadyExistsException ? "exists and is not a directory"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName();
        return e.getFile() + ": " + reason + (e.getOtherFile() != null ? " (" + e.getOtherFile() + ")" : "");
    }

    /** The tool's version, from the model's {@link org.iotb.model.Tool}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {org.iotb.model.Tool.nameAndVersion()};
        }
    }

    /** "4g", "512m", "64k" or plain bytes. */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String v) {
            String s = v.trim().toLowerCase();
            long mult = 1;
            if (s.endsWith("ib")) {
                s = s.substring(0, s.length() - 2);
            } else if (s.endsWith("b")) {
                s = s.substring(0, s.length() - 1);
            }
            char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
            switch (last) {
                case 'k' -> mult = 1L << 10;
                case 'm' -> mult = 1L << 20;
                case 'g' -> mult = 1L << 30;
                case 't' -> mult = 1L << 40;
                default -> mult = 1;
            }
            if (mult != 1) {
                s = s.substring(0, s.length() - 1);
            }
            try {
                return Math.multiplyExact(Long.parseLong(s.trim()), mult);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new CommandLine.TypeConversionException("not a size: '" + v + "' (use e.g. 4g, 512m, 1000000)");
            }
        }
    }

    /** "90s", "10m", "1h", or an ISO-8601 duration. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String v) {
            String s = v.trim().toLowerCase();
            try {
                if (s.startsWith("p")) {
                    return Duration.parse(v.trim());
                }
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                return switch (s.charAt(s.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofSeconds(Long.parseLong(s));
                };
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("not a duration: '" + v + "' (use e.g. 90s, 10m, 1h)");
            }
        }
    }
}
