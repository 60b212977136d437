package org.iotb.probe.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links a device's web page leads to: {@code a href}, {@code frame}/{@code iframe src}, {@code form action}
 * (with the form's method), {@code <meta http-equiv=refresh>} targets and simple script navigation ({@code location = '…'}, {@code location.href = "…"},
 * {@code window.open('…')}). Regex over a bounded page, as for {@link HtmlForm}: the page is attacker-controlled.
 */
public final class PageLinks {
    static final int MAX_PAGE = 512 * 1024;
    private static final Pattern TAG = Pattern.compile("<(a|frame|iframe|form)\\b([^>]{0,2000})>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_NAV = Pattern.compile(
            "(?:location(?:\\.href)?\\s*=|location\\.(?:assign|replace)\\(|window\\.open\\()\\s*[\"']([^\"'\\s]{1,500})[\"']");

    private static final Pattern META_REFRESH = Pattern.compile(
            "<meta\\b[^>]{0,300}http-equiv\\s*=\\s*[\"']?refresh[^>]{0,300}url\\s*=\\s*['\"]?([^\"'\\s>]{1,500})",
            Pattern.CASE_INSENSITIVE);

    private PageLinks() {
    }

    /**
     * A link as written and how it is followed: "get", or "post" for a form that posts. {@code postBody} is the
     * form's hidden fields, url-encoded, when posting it is harmless (no password, no settings field); else null.
     */
    public record Link(String target, String method, String postBody) {
        public Link(String target, String method) {
            this(target, method, null);
        }
    }

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]{0,2000})>", Pattern.CASE_INSENSITIVE);

    public static List<Link> of(String html, int max) {
        String page = html.substring(0, Math.min(html.length(), MAX_PAGE));
        List<Link> out = new ArrayList<>();
        Matcher m = TAG.matcher(page);
        while (out.size() < max && m.find()) {
            String tag = m.group(1).toLowerCase(Locale.ROOT);
            Map<String, String> a = HtmlForm.attrs(m.group(2));
            String target = switch (tag) {
                case "a" -> a.get("href");
                case "form" -> a.getOrDefault("action", "");
                default -> a.get("src");
            };
            if (target == null) {
                continue;
            }
            boolean post = tag.equals("form") && "post".equalsIgnoreCase(a.get("method"));
            out.add(new Link(target, post ? "post" : "get", post ? harmlessPostBody(page, m.end()) : null));
        }
        Matcher meta = META_REFRESH.matcher(page);
        while (out.size() < max && meta.find()) {
            out.add(new Link(meta.group(1), "get"));
        }
        Matcher s = SCRIPT_NAV.matcher(page);
        while (out.size() < max && s.find()) {
            out.add(new Link(s.group(1), "get"));
        }
        return out;
    }

    /** The hidden fields of the form starting at {@code from}, url-encoded; null if it sets anything or asks a password. */
    static String harmlessPostBody(String page, int from) {
        int end = -1;
        int limit = Math.min(page.length() - 6, from + 20000);
        for (int i = from; i <= limit && end < 0; i++) {
            if (page.regionMatches(true, i, "</form", 0, 6)) {
                end = i;
            }
        }
        if (end < 0) {
            return null;
        }
        String form = page.substring(from, end);
        if (HtmlForm.hasPasswordField(form) || !PageSecrets.find(form).isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        Matcher in = INPUT.matcher(form);
        for (int i = 0; i < 50 && in.find(); i++) {
            Map<String, String> a = HtmlForm.attrs(in.group(1));
            if ("hidden".equalsIgnoreCase(a.get("type")) && a.get("name") != null) {
                if (b.length() > 0) {
                    b.append('&');
                }
                b.append(java.net.URLEncoder.encode(a.get("name"), java.nio.charset.StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(a.getOrDefault("value", ""),
                                java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }
}
