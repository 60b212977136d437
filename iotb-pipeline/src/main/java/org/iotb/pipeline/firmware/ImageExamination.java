package org.iotb.pipeline.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.iotb.assess.Examination;
import org.iotb.unpack.UnpackResult;
import org.iotb.unpack.manifest.EntryType;

/**
 * How far a firmware input could be examined (docs/assessment.md, "Inputs that cannot be examined"):
 * <ul>
 *   <li>not at all when the unpacker extracted no file from it (no known structure at any offset: not firmware,
 *       encrypted, or a format it does not know) or the directory given is empty; the note says what was tried and
 *       the entropy, which tells encrypted or compressed data (close to 8 bits per byte throughout) from text;</li>
 *   <li>in part when the unpacker stopped at one of its limits ({@code stats.limitsHit}, {@code stats.stoppedBy});</li>
 *   <li>fully otherwise.</li>
 * </ul>
 */
public final class ImageExamination {
    /** Entropy above which data looks encrypted or compressed (bits per byte). */
    static final double HIGH_ENTROPY = 7.0;

    private ImageExamination() {
    }

    public static Examination of(FirmwareWorkspace ws) throws IOException {
        UnpackResult u = ws.unpack();
        if (u == null) {
            return emptyDirectory(ws.treeRoot()) ? Examination.none("the directory " + ws.input()
                    + " holds no file to examine") : Examination.FULL;
        }
        boolean extracted = u.entries().stream().anyMatch(e -> e.type() == EntryType.FILE);
        if (!extracted) {
            return Examination.none("nothing could be extracted: no known structure (file system, archive,"
                    + " compressed stream, boot image) was found at any offset" + entropy(u));
        }
        Map<String, Object> stats = u.manifest().stats() == null ? Map.of() : u.manifest().stats();
        Object limits = stats.get("limitsHit");
        Object stopped = stats.get("stoppedBy");
        if (limits instanceof Map<?, ?> m && !m.isEmpty() || stopped != null) {
            return Examination.partial("the unpacker stopped at its limits ("
                    + (limits instanceof Map<?, ?> m2 && !m2.isEmpty() ? "limits hit: " + String.join(", ",
                    m2.keySet().stream().map(String::valueOf).toList()) : "")
                    + (stopped != null ? (limits instanceof Map<?, ?> m3 && !m3.isEmpty() ? "; " : "") + "stopped by "
                    + stopped : "") + "); files beyond them were not examined");
        }
        return Examination.FULL;
    }

    /** ", entropy min–max bits per byte (mean m): high throughout, ..." or "" when not measured. */
    static String entropy(UnpackResult u) {
        List<Double> points = u.entropy() == null ? List.of() : u.entropy().points();
        if (points.isEmpty()) {
            return "";
        }
        double min = points.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = points.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double mean = points.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        String what = min >= HIGH_ENTROPY ? "high throughout: encrypted, or compressed in a format iotb does not know"
                : max < HIGH_ENTROPY ? "never high: no compressed or encrypted data (a text or document, or a raw"
                + " binary such as an uncompressed kernel)"
                : "mixed";
        return String.format(Locale.ROOT, "; entropy %.2f–%.2f bits per byte (mean %.2f), %s", min, max, mean, what);
    }

    private static boolean emptyDirectory(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
