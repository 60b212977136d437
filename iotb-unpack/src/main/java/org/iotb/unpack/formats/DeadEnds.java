package org.iotb.unpack.formats;

import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Set;
import org.iotb.unpack.spi.ByteSource;

/**
 * Walk states already proven to lead nowhere in one source, so that identify stays linear. Chained zstd or lz4
 * frames can be built so that each frame's block walk lands on the next frame's blocks and runs to the end of
 * the file without ever ending; every candidate then re-walked the same tail (quadratic: a 640 KB file took
 * 5.8 s, a crafted image the whole time budget). A walk records the states it passed through when it fails;
 * a later walk that reaches one of them fails at once. A state is a position plus whatever else decides the
 * rest of the walk (a block size limit, a checksum flag), packed into a long by the caller.
 *
 * <p>Identify runs on the one carving thread of a run, so the memory is per thread, for the last source asked
 * about; it is bounded ({@link #MAX}: beyond it, it starts again).
 */
final class DeadEnds {
    static final int MAX = 1 << 20;

    private static final ThreadLocal<DeadEnds> CURRENT = new ThreadLocal<>();

    private final WeakReference<ByteSource> source;
    private final Set<Long> dead = new HashSet<>();

    private DeadEnds(ByteSource source) {
        this.source = new WeakReference<>(source);
    }

    /** The dead ends known for {@code s} (a fresh set when another source is asked about). */
    private static DeadEnds of(ByteSource s) {
        DeadEnds d = CURRENT.get();
        if (d == null || d.source.get() != s) {
            d = new DeadEnds(s);
            CURRENT.set(d);
        }
        return d;
    }

    /** One walk: the states it passes through, buried together if it fails. */
    static Walk walk(ByteSource s, int format) {
        return new Walk(of(s), format);
    }

    static final class Walk {
        private final DeadEnds ends;
        private final long tag;
        private long[] states = new long[16];
        private int n;

        private Walk(DeadEnds ends, int format) {
            this.ends = ends;
            this.tag = (long) format << 60;
        }

        /** Records {@code state} (below 2^60); true when it is already known to lead nowhere. */
        boolean reaches(long state) {
            long k = tag | state;
            if (ends.dead.contains(k)) {
                return true;
            }
            if (n < MAX) {
                if (n == states.length) {
                    states = java.util.Arrays.copyOf(states, n * 2);
                }
                states[n++] = k;
            }
            return false;
        }

        /** The walk failed: every state it passed through leads nowhere. */
        void failed() {
            ends.bury(states, n);
        }
    }

    private void bury(long[] states, int n) {
        if (dead.size() + n > MAX) {
            dead.clear();
        }
        for (int i = 0; i < n; i++) {
            dead.add(states[i]);
        }
    }
}
