package org.iotb.firmware.checks.rules;

import java.util.Locale;
import org.iotb.firmware.tree.FileKind;

/**
 * The code part of a line, without comments: a commented-out line (a PHP trace, an old curl call kept for
 * reference) is documentation, not behaviour. One instance per file, read top to bottom, because C-style block
 * comments span lines. The comment syntax follows the file's kind and extension: '#' for shell, configs and PHP;
 * '//' and block comments for sources, JavaScript and PHP; '<!--' for HTML; '--' for Lua; ';' for INI files.
 */
public final class Comments {
    private final boolean hash;
    private final boolean cStyle;
    private final boolean other;
    /** Web pages: {@code <!-- ... -->} blocks span lines too (a licence header of a bundled page). */
    private final boolean html;
    /** The end marker of the block comment the previous line left open, or null. */
    private String blockEnd;
    /** Whether the last non-blank text read opened a script element (its "<!--" hides code from old browsers). */
    private boolean afterScriptTag;
    private static final java.util.regex.Pattern SCRIPT_TAG_END =
            java.util.regex.Pattern.compile("(?i)<script\\b[^>]*>\\s*$");

    private Comments(boolean hash, boolean cStyle, boolean other) {
        this(hash, cStyle, other, false);
    }

    private Comments(boolean hash, boolean cStyle, boolean other, boolean html) {
        this.hash = hash;
        this.cStyle = cStyle;
        this.other = other;
        this.html = html;
    }

    /** The comment syntax of a text file of {@code kind} at {@code path}. */
    public static Comments of(FileKind kind, String path) {
        String p = path.toLowerCase(Locale.ROOT);
        boolean php = p.endsWith(".php") || p.endsWith(".inc");
        return switch (kind) {
            case SCRIPT, CONFIG, TEXT -> new Comments(true, false, true);
            case SOURCE -> new Comments(php || p.endsWith(".cgi") || p.endsWith(".lua"), true, true);
            case WEB_ASSET -> new Comments(php || p.endsWith(".cgi") || p.endsWith(".lua"), true, true, true);
            default -> new Comments(true, false, false);
        };
    }

    /** The comment syntax of printable strings inside binaries: an embedded config's '#' lines. */
    public static Comments ofStrings() {
        return new Comments(true, false, false);
    }

    /** Whether the whole (trimmed) line is a comment; {@link #code} also strips trailing and block comments. */
    public boolean wholeLine(String line) {
        return code(line).isBlank();
    }

    /** The line without its comments (blank when it is all comment). Call once per line, in file order. */
    public String code(String line) {
        String s = line;
        if (cStyle) {
            s = stripBlocks(s);
        }
        String t = s.stripLeading();
        if (t.isEmpty()) {
            return "";
        }
        if (hash && t.startsWith("#") && !t.startsWith("#!")) {
            return "";
        }
        if (other && (t.startsWith("//") || t.startsWith("--") || t.startsWith(";") || t.startsWith("<!--"))) {
            return "";
        }
        if (cStyle && t.startsWith("*")) {
            return ""; // the middle of a /* ... */ block written with leading stars
        }
        return stripTrailing(s);
    }

    /**
     * Removes {@code /* ... *}{@code /} spans, and in web pages {@code <!-- ... -->} spans (and remembers an
     * unterminated one for the next lines).
     */
    private String stripBlocks(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (blockEnd != null) {
                int end = s.indexOf(blockEnd, i);
                if (end < 0) {
                    return out.toString();
                }
                i = end + blockEnd.length();
                blockEnd = null;
                continue;
            }
            int c = s.indexOf("/*", i);
            int h = html ? s.indexOf("<!--", i) : -1;
            if (h >= 0 && (afterScriptTag && s.substring(i, h).isBlank()
                    || SCRIPT_TAG_END.matcher(s.substring(0, h)).find())) {
                h = -1; // <script><!-- ... //--> hides code from old browsers: the code is live
            }
            int start = c < 0 || h >= 0 && h < c ? h : c;
            if (start < 0 || insideQuotes(s, start)) {
                out.append(s, i, s.length());
                break;
            }
            out.append(s, i, start);
            blockEnd = start == h ? "-->" : "*/";
            i = start + (start == h ? 4 : 2);
        }
        if (html && !s.isBlank()) {
            afterScriptTag = SCRIPT_TAG_END.matcher(s).find();
        }
        return out.toString();
    }

    /** Cuts a trailing " // ..." or " # ..." comment that starts outside quotes after white space or ';'. */
    private String stripTrailing(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            char before = s.charAt(i - 1);
            boolean starts = (cStyle && c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/')
                    || (hash && c == '#');
            if (starts && (Character.isWhitespace(before) || before == ';') && !insideQuotes(s, i)) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** Whether position {@code pos} lies inside a '...' or "..." literal (backslash escapes honoured). */
    private static boolean insideQuotes(String s, int pos) {
        char quote = 0;
        for (int i = 0; i < pos; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        return quote != 0;
    }
}
