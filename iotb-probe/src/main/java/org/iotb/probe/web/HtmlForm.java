package org.iotb.probe.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A login form found in an HTML page: where it posts, its user-name and password field names and the hidden fields
 * it carries. The page is attacker-controlled: the scan is regex-based over a bounded body, never a full DOM.
 *
 * @param action   the form's action as written (may be empty = the page itself)
 * @param method   "post" or "get"
 * @param userField name of the text/email input before the password field, or null when the form has none
 * @param passField name of the password input
 * @param hidden   hidden inputs with their values, sent along unchanged
 */
public record HtmlForm(String action, String method, String userField, String passField, Map<String, String> hidden) {
    private static final int MAX_FORMS = 20;
    private static final int MAX_INPUTS = 50;
    private static final int MAX_PAGE = 512 * 1024;
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]{0,2000})>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile(
            "([a-zA-Z_:-]{1,40})\\s*=\\s*(?:\"([^\"]{0,1000})\"|'([^']{0,1000})'|([^\\s\"'>]{1,1000}))");
    private static final Pattern PASSWORD_INPUT = Pattern.compile(
            "<input\\b[^>]{0,2000}type\\s*=\\s*[\"']?password", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("(?:href|src|action)\\s*=\\s*[\"']?([^\"'\\s>]{1,500})",
            Pattern.CASE_INSENSITIVE);

    /** The first form in the page that has a named password input, or null. */
    public static HtmlForm find(String html) {
        // plain indexOf scanning: a regex with a lazy body would be quadratic on pages full of unclosed <form>s
        String lower = asciiLower(html.substring(0, Math.min(html.length(), MAX_PAGE)));
        int from = 0;
        for (int n = 0; n < MAX_FORMS; n++) {
            int start = lower.indexOf("<form", from);
            int tagEnd = start < 0 ? -1 : lower.indexOf('>', start);
            int end = tagEnd < 0 ? -1 : lower.indexOf("</form", tagEnd);
            if (end < 0) {
                return null;
            }
            from = end + 6;
            if (tagEnd - start > 2000 || end - tagEnd > 20000) {
                continue;
            }
            HtmlForm form = parse(html.substring(start + 5, tagEnd), html.substring(tagEnd + 1, end));
            if (form != null) {
                return form;
            }
        }
        return null;
    }

    /** Lower-cases A-Z only, so indexes stay those of the original text. */
    private static String asciiLower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] = (char) (c[i] + 32);
            }
        }
        return new String(c);
    }

    private static HtmlForm parse(String formAttrs, String body) {
        Map<String, String> fa = attrs(formAttrs);
        String user = null;
        String pass = null;
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher in = INPUT.matcher(body);
        for (int i = 0; i < MAX_INPUTS && in.find(); i++) {
            Map<String, String> a = attrs(in.group(1));
            String name = a.get("name");
            String type = a.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
            if (name == null || name.isEmpty()) {
                continue;
            }
            switch (type) {
                case "password" -> {
                    if (pass == null) {
                        pass = name;
                    }
                }
                case "hidden" -> hidden.put(name, a.getOrDefault("value", ""));
                case "text", "email", "tel" -> {
                    if (pass == null && user == null) {
                        user = name;
                    }
                }
                default -> { }
            }
        }
        if (pass != null) {
            String method = fa.getOrDefault("method", "get").toLowerCase(Locale.ROOT);
            return new HtmlForm(fa.getOrDefault("action", ""), method.equals("post") ? "post" : "get", user,
                    pass, hidden);
        }
        return null;
    }

    /** True when the page shows a password input (the login form is still, or again, on screen). */
    public static boolean hasPasswordField(String html) {
        return PASSWORD_INPUT.matcher(html).find();
    }

    /** Link targets (href/src/action) in page order, at most {@code max}, as written. */
    public static List<String> links(String html, int max) {
        List<String> out = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (out.size() < max && m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static Map<String, String> attrs(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher a = ATTR.matcher(s);
        while (a.find() && m.size() < 40) {
            String v = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
            m.putIfAbsent(a.group(1).toLowerCase(Locale.ROOT), unescape(v));
        }
        return m;
    }

    private static String unescape(String v) {
        return v.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
