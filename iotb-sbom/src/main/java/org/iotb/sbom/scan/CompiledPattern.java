package org.iotb.sbom.scan;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.sbom.Confidence;

/** A {@link SignaturePattern} with its regexes compiled, ready to run; {@code rank} is its place in preference. */
final class CompiledPattern {
    enum Kind { STRING, NEAR, FILE_NAME, PATH }

    final Signature signature;
    final int rank;
    final Kind kind;
    final Pattern match;
    final String hint;
    final Pattern near;
    final String nearHint;
    final int window;
    final Pattern nameOrPath;
    final List<PathMatcher> files;
    final String versionTemplate;
    final String requires;
    final Confidence confidence;

    CompiledPattern(Signature signature, int rank, SignaturePattern p) {
        this.signature = signature;
        this.rank = rank;
        String where = signature.id() + " pattern " + rank;
        if (p.fileName() != null) {
            kind = Kind.FILE_NAME;
            nameOrPath = Pattern.compile(p.fileName());
        } else if (p.path() != null) {
            kind = Kind.PATH;
            nameOrPath = Pattern.compile(p.path());
        } else if (p.near() != null) {
            kind = Kind.NEAR;
            nameOrPath = null;
        } else if (p.match() != null) {
            kind = Kind.STRING;
            nameOrPath = null;
        } else {
            throw new IllegalArgumentException(where + ": needs match, near, fileName or path");
        }
        match = p.match() == null ? null : Pattern.compile(p.match());
        near = p.near() == null ? null : Pattern.compile(p.near());
        if (kind == Kind.NEAR && match == null) {
            throw new IllegalArgumentException(where + ": near needs match");
        }
        hint = p.hint();
        nearHint = p.nearHint();
        window = p.window() == null ? 2 : Math.max(1, Math.min(p.window(), SignatureMatcher.MAX_WINDOW));
        files = p.files().stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        if (kind == Kind.STRING && hint == null && files.isEmpty()) {
            throw new IllegalArgumentException(where + ": a string pattern needs a hint or a files restriction");
        }
        if (kind == Kind.NEAR && nearHint == null && files.isEmpty()) {
            throw new IllegalArgumentException(where + ": a near pattern needs a nearHint or a files restriction");
        }
        versionTemplate = p.version();
        requires = p.requires();
        confidence = p.confidence() != null ? Confidence.fromId(p.confidence())
                : kind == Kind.STRING ? Confidence.HIGH : Confidence.MEDIUM;
    }

    boolean appliesToFile(String fileName) {
        if (files.isEmpty()) {
            return true;
        }
        Path name = Path.of(fileName);
        for (PathMatcher m : files) {
            if (m.matches(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when group 1 stops right before ".<digit>": the regex read only part of a longer version
     * (BusyBox 1.2.2.1 read as 1.2.2). Such a hit is dropped, as a wrong version is worse than none.
     */
    static boolean truncated(Matcher m, CharSequence input) {
        if (m.groupCount() < 1 || m.end(1) < 0) {
            return false;
        }
        int e = m.end(1);
        return e + 1 < input.length() && input.charAt(e) == '.' && Character.isDigit(input.charAt(e + 1));
    }

    /** The version a successful matcher names: the template filled from groups, or group 1; null if no group. */
    String versionOf(Matcher m) {
        if (m.groupCount() < 1) {
            return null;
        }
        if (versionTemplate == null) {
            return m.group(1);
        }
        String v = versionTemplate;
        for (int g = m.groupCount(); g >= 1; g--) {
            String val = m.group(g);
            v = v.replace("$" + g, val == null ? "" : val);
        }
        return v;
    }
}
