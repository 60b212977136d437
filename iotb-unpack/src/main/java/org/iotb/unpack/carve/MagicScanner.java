package org.iotb.unpack.carve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;

/**
 * One pass over the bytes finding every handler's magic at any offset. Patterns are indexed by their first
 * two bytes, so the inner loop is one table lookup per byte and only a hit compares the whole pattern.
 * Patterns shorter than two bytes would match everywhere; their handlers are only tried at offset 0.
 */
public final class MagicScanner {
    private static final int CHUNK = 4 * 1024 * 1024;

    private record Pattern(byte[] bytes, int at, int handler) {
    }

    private final boolean[] hot = new boolean[65536];
    private final Pattern[][] byKey = new Pattern[65536][];
    private final int maxLen;
    private final Pattern[][] byHandler;
    private final int reach;

    public MagicScanner(List<FormatHandler> handlers) {
        int max = 2;
        int far = 0;
        List<List<Pattern>> perHandler = new ArrayList<>();
        List<List<Pattern>> tmp = new ArrayList<>();
        for (int i = 0; i < 65536; i++) {
            tmp.add(null);
        }
        for (int h = 0; h < handlers.size(); h++) {
            perHandler.add(new ArrayList<>());
            List<Magic> magics;
            try {
                magics = handlers.get(h).magics();
            } catch (RuntimeException e) {
                continue;
            }
            for (Magic m : magics == null ? List.<Magic>of() : magics) {
                if (m == null || m.bytes() == null || m.bytes().length < 2 || m.at() < 0) {
                    continue;
                }
                int key = ((m.bytes()[0] & 0xff) << 8) | (m.bytes()[1] & 0xff);
                if (tmp.get(key) == null) {
                    tmp.set(key, new ArrayList<>());
                }
                Pattern p = new Pattern(m.bytes().clone(), m.at(), h);
                tmp.get(key).add(p);
                perHandler.get(h).add(p);
                hot[key] = true;
                max = Math.max(max, m.bytes().length);
                far = Math.max(far, m.at() + m.bytes().length);
            }
        }
        for (int k = 0; k < 65536; k++) {
            if (tmp.get(k) != null) {
                byKey[k] = tmp.get(k).toArray(new Pattern[0]);
            }
        }
        this.maxLen = max;
        this.reach = far;
        this.byHandler = perHandler.stream().map(l -> l.toArray(new Pattern[0])).toArray(Pattern[][]::new);
    }

    /** How many leading bytes {@link #matchesAtStart} may look at. */
    public int reach() {
        return reach;
    }

    /**
     * Whether one of {@code handler}'s magics sits where it would for a structure at offset 0, given the
     * file's first bytes: what the full scan would report as a candidate at 0, for one file, cheaply.
     */
    public boolean matchesAtStart(byte[] head, int handler) {
        for (Pattern p : byHandler[handler]) {
            if (p.at + p.bytes.length <= head.length
                    && Arrays.equals(head, p.at, p.at + p.bytes.length, p.bytes, 0, p.bytes.length)) {
                return true;
            }
        }
        return false;
    }

    /** Sorted, distinct candidates; stops at {@code maxCandidates} or when {@code stop} says so. */
    public Result scan(ByteSource source, int maxCandidates, BooleanSupplier stop) throws IOException {
        long size = source.size();
        int overlap = maxLen - 1;
        // small files (most of a root file system) get a small buffer: no 4 MiB allocation per file
        byte[] buf = new byte[(int) Math.min(CHUNK + overlap, Math.max(size, 2))];
        List<Candidate> out = new ArrayList<>();
        boolean capped = false;
        long chunkStart = 0;
        outer:
        while (chunkStart < size) {
            int want = (int) Math.min(buf.length, size - chunkStart);
            boolean last = chunkStart + want >= size;
            source.readFully(chunkStart, buf, 0, want);
            // positions whose pattern start lies in this chunk; the overlap lets patterns run past CHUNK
            int limit = last ? want - 1 : Math.min(want, CHUNK);
            for (int i = 0; i < limit; i++) {
                int key = ((buf[i] & 0xff) << 8) | (buf[i + 1] & 0xff);
                if (!hot[key]) {
                    continue;
                }
                for (Pattern p : byKey[key]) {
                    byte[] pb = p.bytes;
                    if (i + pb.length > want) {
                        continue;
                    }
                    boolean eq = true;
                    for (int j = 2; j < pb.length; j++) {
                        if (buf[i + j] != pb[j]) {
                            eq = false;
                            break;
                        }
                    }
                    long start = chunkStart + i - p.at;
                    if (eq && start >= 0) {
                        if (out.size() >= maxCandidates) {
                            capped = true;
                            break outer;
                        }
                        out.add(new Candidate(start, p.handler));
                    }
                }
            }
            if (stop.getAsBoolean()) {
                capped = true;
                break;
            }
            chunkStart += CHUNK;
        }
        Candidate[] arr = out.toArray(new Candidate[0]);
        Arrays.sort(arr);
        List<Candidate> distinct = new ArrayList<>(arr.length);
        for (Candidate c : arr) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(c)) {
                distinct.add(c);
            }
        }
        return new Result(distinct, capped);
    }

    /** The candidates found, and whether the scan stopped early. */
    public record Result(List<Candidate> candidates, boolean capped) {
    }
}
