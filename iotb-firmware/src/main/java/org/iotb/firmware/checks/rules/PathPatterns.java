package org.iotb.firmware.checks.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of path patterns kept as data: one case-insensitive regular expression per line, {@code #} comments and
 * blank lines ignored (data/documentation-paths.txt, data/web-bundle-paths.txt).
 */
final class PathPatterns {
    private final List<Pattern> patterns;

    private PathPatterns(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** Reads a bundled list, e.g. "/org/iotb/firmware/data/web-bundle-paths.txt". */
    static PathPatterns load(String resource) {
        try (InputStream in = PathPatterns.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled data " + resource);
            }
            List<Pattern> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null; ) {
                l = l.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(Pattern.compile(l, Pattern.CASE_INSENSITIVE));
                }
            }
            return new PathPatterns(List.copyOf(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether any pattern is found in {@code path}. */
    boolean matches(String path) {
        for (Pattern p : patterns) {
            if (p.matcher(path).find()) {
                return true;
            }
        }
        return false;
    }
}
