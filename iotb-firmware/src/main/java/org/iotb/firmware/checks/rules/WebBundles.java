package org.iotb.firmware.checks.rules;

import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.TreeFile;

/**
 * Files that hold a whole web UI without a web extension (DD-WRT's /etc/www webcomp archive), listed by path in
 * data/web-bundle-paths.txt. The file-type guess calls them configs; pattern rules judge them as web pages, so a
 * help link in the UI is read as a link a person clicks, not as a server the device calls.
 */
public final class WebBundles {
    private static final PathPatterns PATHS = PathPatterns.load("/org/iotb/firmware/data/web-bundle-paths.txt");

    private WebBundles() {
    }

    /** The kind the pattern rules judge {@code f} as: WEB_ASSET for a listed text file, else its own kind. */
    public static FileKind kindForRules(TreeFile f) {
        return f.isText() && byPath(f.path()) ? FileKind.WEB_ASSET : f.kind();
    }

    /** Whether the path is one of data/web-bundle-paths.txt. */
    static boolean byPath(String path) {
        return PATHS.matches(path);
    }
}
