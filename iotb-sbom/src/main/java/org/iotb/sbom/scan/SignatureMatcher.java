package org.iotb.sbom.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Runs the signatures over one file at a time: its path and name, and the printable strings of its content.
 * Per file and component it keeps the hit of the most preferred pattern (first occurrence). Not thread-safe;
 * one matcher per thread.
 */
public final class SignatureMatcher {
    static final int MAX_WINDOW = 8;
    /** Longest printable run kept as one string; banners are far shorter. */
    static final int MAX_STRING = 1024;

    private final SignatureSet set;
    private final PrintableStrings strings = new PrintableStrings(4, MAX_STRING);

    SignatureMatcher(SignatureSet set) {
        this.set = set;
    }

    /** Hits from path and file-name patterns. {@code relPath} uses '/' and, for directories, ends with '/'. */
    public List<SignatureHit> matchPath(String relPath, String fileName, boolean directory) {
        List<SignatureHit> hits = new ArrayList<>();
        for (CompiledPattern p : set.compiled()) {
            Matcher m;
            if (p.kind == CompiledPattern.Kind.PATH) {
                m = p.nameOrPath.matcher(relPath);
            } else if (p.kind == CompiledPattern.Kind.FILE_NAME && !directory && p.appliesToFile(fileName)) {
                m = p.nameOrPath.matcher(fileName);
            } else {
                continue;
            }
            if (m.find() && !CompiledPattern.truncated(m,
                    p.kind == CompiledPattern.Kind.PATH ? relPath : fileName)) {
                hits.add(new SignatureHit(p.signature, p.versionOf(m), p.confidence, p.rank, relPath, null,
                        m.group()));
            }
        }
        return hits;
    }

    /** True when a file's content is worth scanning: ELF, a known image name, or named by a pattern's files. */
    public boolean wantsContent(String fileName, byte[] head, int headLen) {
        if (headLen >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return true;
        }
        return set.isContentName(fileName);
    }

    /** True when a binary file of {@code size} bytes is read for the blob signatures (see {@link #matchBlob}). */
    public boolean wantsBlob(long size) {
        return set.wantsBlob(size);
    }

    /** Scans up to {@code maxBytes} of a file's content. */
    public List<SignatureHit> matchContent(String relPath, String fileName, InputStream in, long maxBytes)
            throws IOException {
        return matchContent(relPath, fileName, in, maxBytes, false);
    }

    /** Scans up to {@code maxBytes} of a binary blob for the blob signatures only ({@link SignatureSet#wantsBlob}). */
    public List<SignatureHit> matchBlob(String relPath, String fileName, InputStream in, long maxBytes)
            throws IOException {
        return matchContent(relPath, fileName, in, maxBytes, true);
    }

    private List<SignatureHit> matchContent(String relPath, String fileName, InputStream in, long maxBytes,
                                            boolean blobOnly) throws IOException {
        List<CompiledPattern> active = new ArrayList<>();
        for (CompiledPattern p : set.compiled()) {
            if ((p.kind == CompiledPattern.Kind.STRING || p.kind == CompiledPattern.Kind.NEAR)
                    && p.appliesToFile(fileName) && (!blobOnly || set.blobSignature(p.signature.id()))) {
                active.add(p);
            }
        }
        FileScan scan = new FileScan(relPath, active);
        strings.extract(in, maxBytes, scan::accept);
        return scan.results();
    }

    /** The state of one file's scan: a window of recent strings, pending near-anchors, the best hits so far. */
    private static final class FileScan {
        private final String relPath;
        private final List<CompiledPattern> active;
        private final String[] recent = new String[MAX_WINDOW];
        private final long[] recentOffset = new long[MAX_WINDOW];
        private int count;
        private final int[] pending;
        private final Map<String, SignatureHit> best = new HashMap<>();
        /** Hits of patterns with a {@code requires} literal, held until the literal shows up. */
        private final Map<CompiledPattern, SignatureHit> conditional = new HashMap<>();
        private final java.util.Set<String> requiredUnseen = new java.util.HashSet<>();
        private final java.util.Set<String> requiredSeen = new java.util.HashSet<>();

        FileScan(String relPath, List<CompiledPattern> active) {
            this.relPath = relPath;
            this.active = active;
            this.pending = new int[active.size()];
            for (CompiledPattern p : active) {
                if (p.requires != null) {
                    requiredUnseen.add(p.requires);
                }
            }
        }

        void accept(String s, long offset) {
            if (!requiredUnseen.isEmpty()) {
                for (java.util.Iterator<String> it = requiredUnseen.iterator(); it.hasNext();) {
                    String lit = it.next();
                    if (s.contains(lit)) {
                        requiredSeen.add(lit);
                        it.remove();
                    }
                }
            }
            for (int i = 0; i < active.size(); i++) {
                CompiledPattern p = active.get(i);
                if (alreadyBetter(p)) {
                    continue;
                }
                if (p.kind == CompiledPattern.Kind.STRING) {
                    if (p.hint == null || s.contains(p.hint)) {
                        Matcher m = p.match.matcher(s);
                        if (m.find() && !CompiledPattern.truncated(m, s)) {
                            record(p, p.versionOf(m), offset, s);
                        }
                    }
                } else {
                    near(p, i, s, offset);
                }
            }
            recent[count % MAX_WINDOW] = s;
            recentOffset[count % MAX_WINDOW] = offset;
            count++;
        }

        private void near(CompiledPattern p, int i, String s, long offset) {
            if (pending[i] > 0) {
                pending[i]--;
                Matcher m = p.match.matcher(s);
                if (m.find() && !CompiledPattern.truncated(m, s)) {
                    record(p, p.versionOf(m), offset, s);
                    pending[i] = 0;
                    return;
                }
            }
            if ((p.nearHint == null || s.contains(p.nearHint)) && p.near.matcher(s).find()) {
                // look back first (nearest first), then arm a look-ahead
                for (int back = 1; back <= p.window && back <= count; back++) {
                    int idx = (count - back) % MAX_WINDOW;
                    Matcher m = p.match.matcher(recent[idx]);
                    if (m.find() && !CompiledPattern.truncated(m, recent[idx])) {
                        record(p, p.versionOf(m), recentOffset[idx], recent[idx] + " … " + s);
                        return;
                    }
                }
                pending[i] = p.window;
            }
        }

        private boolean alreadyBetter(CompiledPattern p) {
            SignatureHit h = best.get(p.signature.id());
            return h != null && h.version() != null && h.rank() <= p.rank;
        }

        private void record(CompiledPattern p, String version, long offset, String excerpt) {
            if (p.requires != null) {
                conditional.putIfAbsent(p,
                        new SignatureHit(p.signature, version, p.confidence, p.rank, relPath, offset, excerpt));
                return;
            }
            keep(p, version, offset, excerpt);
        }

        private void keep(CompiledPattern p, String version, long offset, String excerpt) {
            SignatureHit old = best.get(p.signature.id());
            boolean better = old == null
                    || (old.version() == null && version != null)
                    || (version != null && p.rank < old.rank());
            if (better) {
                best.put(p.signature.id(),
                        new SignatureHit(p.signature, version, p.confidence, p.rank, relPath, offset, excerpt));
            }
        }

        List<SignatureHit> results() {
            for (Map.Entry<CompiledPattern, SignatureHit> e : conditional.entrySet()) {
                if (requiredSeen.contains(e.getKey().requires)) {
                    SignatureHit h = e.getValue();
                    keep(e.getKey(), h.version(), h.offset(), h.excerpt());
                }
            }
            return new ArrayList<>(best.values());
        }
    }
}
