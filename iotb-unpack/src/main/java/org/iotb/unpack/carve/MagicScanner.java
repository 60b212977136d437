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
    /**
     * Candidates are capped per handler and per region, not globally: a spray of one magic (2.6 MB of
     * {@code \x85\x19}, a JFFS2 header at every offset) used to fill a global list and end the scan before the
     * real root file system behind it. Each handler keeps at most {@link #PER_REGION} candidates in each
     * {@link #REGION}-byte region (the first ones: a real structure claims the bytes after its start anyway);
     * past the run's overall limit the per-region quota drops to {@link #PER_REGION_OVER}, so every region of
     * every handler is still looked at and memory stays bounded.
     */
    public static final int REGION_SHIFT = 20;
    public static final long REGION = 1L << REGION_SHIFT;
    public static final int PER_REGION = 8192;
    public static final int PER_REGION_OVER = 16;

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

    /**
     * Sorted, distinct candidates. Past {@code maxCandidates} in all, and past {@link #PER_REGION} for one handler
     * in one region, further candidates are dropped (counted in {@link Result#dropped}); the scan itself only
     * stops when {@code stop} says so.
     */
    public Result scan(ByteSource source, int maxCandidates, BooleanSupplier stop) throws IOException {
        long size = source.size();
        int overlap = maxLen - 1;
        // small files (most of a root file system) get a small buffer: no 4 MiB allocation per file
        byte[] buf = new byte[(int) Math.min(CHUNK + overlap, Math.max(size, 2))];
        List<Candidate> out = new ArrayList<>();
        int[] inRegion = new int[byHandler.length];
        long region = 0;
        long dropped = 0;
        boolean stopped = false;
        long chunkStart = 0;
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
                        long r = (chunkStart + i) >>> REGION_SHIFT;
                        if (r != region) {
                            region = r;
                            Arrays.fill(inRegion, 0);
                        }
                        int quota = out.size() >= maxCandidates ? PER_REGION_OVER : PER_REGION;
                        if (inRegion[p.handler] >= quota) {
                            dropped++;
                            continue;
                        }
                        inRegion[p.handler]++;
                        out.add(new Candidate(start, p.handler));
                    }
                }
            }
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            chunkStart += CHUNK;
        }
        Candidate[] arr = out.toArray(new Candidate[0]);
        out = null;
        Arrays.sort(arr);
        List<Candidate> distinct = new ArrayList<>(arr.length);
        for (Candidate c : arr) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(c)) {
                distinct.add(c);
            }
        }
        return new Result(distinct, stopped, dropped);
    }

    /**
     * The candidates found; whether the scan stopped early (the run's budget); how many candidates the
     * per-region quotas dropped (structures starting there were not tried).
     */
    public record Result(List<Candidate> candidates, boolean capped, long dropped) {
        public Result(List<Candidate> candidates, boolean capped) {
            this(candidates, capped, 0);
        }
    }
}
