package org.iotb.firmware.tree;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Decides a file's {@link FileKind} from its name and first bytes (never more than the header is needed). */
final class Classifier {
    private static final Set<String> CONFIG_EXT = Set.of("conf", "cfg", "ini", "json", "xml", "yaml", "yml",
            "properties", "config", "cnf", "rules", "service", "socket", "timer", "target", "mount", "network",
            "env", "txt", "list", "uci", "default", "prop");
    private static final Set<String> WEB_EXT = Set.of("html", "htm", "js", "css", "asp", "cgi", "lua", "php",
            "jsp", "shtml", "htc");
    private static final Set<String> SOURCE_EXT = Set.of("c", "h", "cc", "cpp", "cxx", "hpp", "java", "go", "rs",
            "s", "mk", "makefile");
    private static final Set<String> SCRIPT_EXT = Set.of("sh", "bash", "ash", "py", "pl", "rb", "tcl");
    private static final Set<String> CERT_EXT = Set.of("crt", "cer", "pem", "der", "p7b");
    private static final Set<String> KEY_EXT = Set.of("key", "p8", "pk8");

    private Classifier() {
    }

    /**
     * What the first bytes of a file say, independent of its path: kept per file so that a view of a sub-tree
     * ({@link FileTree#subtree}) classifies its files by their paths in that view without reading them again.
     */
    record Head(boolean empty, boolean elf, boolean pemPrivateKey, boolean pemCertificate, boolean pemBlock,
                boolean text, boolean shebang) {

        static Head of(byte[] head, int len) {
            if (len == 0) {
                return new Head(true, false, false, false, false, false, false);
            }
            boolean elf = len >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
            String start = new String(head, 0, Math.min(len, 4096), StandardCharsets.ISO_8859_1);
            return new Head(false, elf, start.contains("-----BEGIN") && start.contains("PRIVATE KEY"),
                    start.contains("-----BEGIN CERTIFICATE") || start.contains("-----BEGIN TRUSTED CERTIFICATE"),
                    start.contains("-----BEGIN"), looksLikeText(head, len), start.startsWith("#!"));
        }
    }

    static FileKind classify(String relPath, byte[] head, int len) {
        return classify(relPath, Head.of(head, len));
    }

    static FileKind classify(String relPath, Head head) {
        if (head.empty()) {
            return FileKind.EMPTY;
        }
        if (head.elf()) {
            return FileKind.ELF;
        }
        String name = relPath.substring(relPath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        boolean text = head.text();
        if (head.pemPrivateKey()) {
            return FileKind.KEY;
        }
        if (head.pemCertificate()) {
            return FileKind.CERTIFICATE;
        }
        if (KEY_EXT.contains(ext) || name.startsWith("ssh_host_") && !name.endsWith(".pub")) {
            return FileKind.KEY;
        }
        if (CERT_EXT.contains(ext) && (!text || head.pemBlock())) {
            return FileKind.CERTIFICATE;
        }
        if (!text) {
            return FileKind.BINARY;
        }
        if (head.shebang() || SCRIPT_EXT.contains(ext)) {
            return FileKind.SCRIPT;
        }
        if (SOURCE_EXT.contains(ext) || name.equals("makefile")) {
            return FileKind.SOURCE;
        }
        if (WEB_EXT.contains(ext)) {
            return FileKind.WEB_ASSET;
        }
        if (CONFIG_EXT.contains(ext) || relPath.startsWith("etc/") || relPath.contains("/etc/")
                || relPath.contains("/config/")) {
            // init scripts under etc/ without a shebang are still scripts (busybox rcS often has none)
            if (relPath.contains("init.d/") || relPath.contains("rc.d/") || name.startsWith("rc")) {
                return FileKind.SCRIPT;
            }
            return FileKind.CONFIG;
        }
        return FileKind.TEXT;
    }

    /** Text if it has no NUL and at most 5% control bytes in the sampled header. */
    static boolean looksLikeText(byte[] b, int len) {
        int n = Math.min(len, 4096);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) {
                bad++;
            }
        }
        return bad * 20 <= n;
    }
}
