package org.iotb.server.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A self-contained document of iotb-report (the HTML report, the release diff) shown inside a workspace page. Those
 * documents carry their own inline CSS and, for the report's filters, a few lines of inline script, which the
 * workspace's policy (no inline script) would block. So they get a policy of their own: nothing may load from
 * anywhere, inline styles are allowed, and only the scripts the document itself contains run, each allowed by its
 * SHA-256 (a script injected through data in the report would have another hash and not run). Framing is allowed
 * for the workspace's own pages only.
 */
public final class FramedDocument {
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private FramedDocument() {
    }

    /** The Content-Security-Policy header for this document. */
    public static String policy(String html) {
        List<String> hashes = new ArrayList<>();
        Matcher m = SCRIPT.matcher(html);
        while (m.find()) {
            hashes.add("'sha256-" + sha256(m.group(1)) + "'");
        }
        return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; "
                + "form-action 'none'; frame-ancestors 'self'; script-src " + (hashes.isEmpty() ? "'none'" : String.join(" ", hashes));
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
