package org.iotb.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a person needs to reproduce a finding. Firmware evidence names a path inside the unpacked image
 * (relative to the tree root, with '/' separators) and optionally an offset, a line and a short excerpt.
 * Device evidence names host, port, protocol and request/reply excerpts. {@code fingerprint} is the sha256
 * of a secret (password hash, private key, token) so that units can be compared without storing the secret.
 * Unused fields are null and omitted from JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(
        String path,
        Long offset,
        Integer line,
        String excerpt,
        String sha256,
        String fingerprint,
        String host,
        Integer port,
        String protocol,
        String request,
        String reply) {

    /** Longest excerpt kept; longer text is cut so reports stay readable and secrets are not dumped whole. */
    public static final int MAX_EXCERPT = 240;

    public Evidence {
        excerpt = clip(excerpt);
        request = clip(request);
        reply = clip(reply);
    }

    public static Evidence file(String path) {
        return new Evidence(path, null, null, null, null, null, null, null, null, null, null);
    }

    public static Evidence line(String path, int line, String excerpt) {
        return new Evidence(path, null, line, excerpt, null, null, null, null, null, null, null);
    }

    public static Evidence offset(String path, long offset, String excerpt) {
        return new Evidence(path, offset, null, excerpt, null, null, null, null, null, null, null);
    }

    public static Evidence network(String host, int port, String protocol, String request, String reply) {
        return new Evidence(null, null, null, null, null, null, host, port, protocol, request, reply);
    }

    public Evidence withExcerpt(String newExcerpt) {
        return new Evidence(path, offset, line, newExcerpt, sha256, fingerprint, host, port, protocol, request, reply);
    }

    public Evidence withSha256(String hash) {
        return new Evidence(path, offset, line, excerpt, hash, fingerprint, host, port, protocol, request, reply);
    }

    public Evidence withFingerprint(String fp) {
        return new Evidence(path, offset, line, excerpt, sha256, fp, host, port, protocol, request, reply);
    }

    static String clip(String s) {
        if (s == null || s.length() <= MAX_EXCERPT) {
            return s;
        }
        return s.substring(0, MAX_EXCERPT) + "…";
    }
}
