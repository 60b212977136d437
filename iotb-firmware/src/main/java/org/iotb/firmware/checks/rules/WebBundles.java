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
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.TreeFile;

/**
 * Files that hold a whole web UI without a web extension (DD-WRT's /etc/www webcomp archive), listed by path in
 * data/web-bundle-paths.txt. The file-type guess calls them configs; pattern rules judge them as web pages, so a
 * help link in the UI is read as a link a person clicks, not as a server the device calls.
 */
public final class WebBundles {
    private static final List<Pattern> PATHS = load();

    private WebBundles() {
    }

    /** The kind the pattern rules judge {@code f} as: WEB_ASSET for a listed text file, else its own kind. */
    public static FileKind kindForRules(TreeFile f) {
        return f.isText() && byPath(f.path()) ? FileKind.WEB_ASSET : f.kind();
    }

    /** Whether the path is one of data/web-bundle-paths.txt. */
    static boolean byPath(String path) {
        for (Pattern p : PATHS) {
            if (p.matcher(path).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> load() {
        try (InputStream in = WebBundles.class.getResourceAsStream("/org/iotb/firmware/data/web-bundle-paths.txt")) {
            List<Pattern> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null; ) {
                l = l.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(Pattern.compile(l, Pattern.CASE_INSENSITIVE));
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
