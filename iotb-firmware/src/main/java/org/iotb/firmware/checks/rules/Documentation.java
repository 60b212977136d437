package org.iotb.firmware.checks.rules;

import java.util.Optional;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;

/**
 * Files that describe behaviour instead of having it: manuals, READMEs, login banners (the path patterns of
 * data/documentation-paths.txt) and plain text the unpacker carved out of an executable (curl's built-in
 * manual is a gzip stream inside the curl binary; its example "curl --insecure https://example.com" is help
 * text, not a command the device runs). Text-based rules judge scripts and configs where they act, so they skip these.
 */
public final class Documentation {
    private static final PathPatterns PATHS = PathPatterns.load("/org/iotb/firmware/data/documentation-paths.txt");
    /** The unpacker writes what it carves out of file F under "F.extracted/". */
    private static final String CARVED = ".extracted/";

    private Documentation() {
    }

    /** Whether {@code f} is documentation or help text rather than a script, config or page the device uses. */
    public static boolean is(FileTree tree, TreeFile f) {
        return byPath(f.path()) || helpTextOfProgram(tree, f);
    }

    /**
     * Plain text carved out of an executable: a program's built-in manual or usage. Pages and scripts a
     * program carries (an embedded web UI starting with '<', a script with a shebang) are kept: they act.
     */
    static boolean helpTextOfProgram(FileTree tree, TreeFile f) {
        if (f.kind() != FileKind.TEXT || carvedFromExecutable(tree, f.path()).isEmpty()) {
            return false;
        }
        for (String line : tree.lines(f)) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return !t.startsWith("<");
            }
        }
        return true;
    }

    /** Whether the path is one of data/documentation-paths.txt. */
    public static boolean byPath(String path) {
        return PATHS.matches(path);
    }

    /** The ELF file {@code path} was carved out of (at any depth of ".extracted/" nesting), if any. */
    public static Optional<String> carvedFromExecutable(FileTree tree, String path) {
        for (int i = path.indexOf(CARVED); i >= 0; i = path.indexOf(CARVED, i + 1)) {
            String container = path.substring(0, i);
            Optional<TreeFile> c = tree.file(container);
            if (c.isPresent() && c.get().kind() == FileKind.ELF) {
                return Optional.of(container);
            }
        }
        return Optional.empty();
    }
}
