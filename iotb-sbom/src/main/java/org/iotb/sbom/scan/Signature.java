package org.iotb.sbom.scan;

import java.util.List;

/**
 * How to recognise one component, as written in {@code signatures.yaml}: its catalogue id and display name, the
 * purl base ({@code pkg:generic/busybox}; the version is appended) and CPE vendor:product (part {@code a}, or
 * {@code o} for operating systems), the package names it is known by in package databases and vulnerability feeds
 * ({@code aliases}; {@code notPackages} lists packages built from the same source that do not contain the
 * component, such as u-boot-tools), older CPE names ({@code cpeAliases}), and its patterns in order of preference.
 */
public record Signature(
        String id,
        String name,
        String purl,
        String cpe,
        String cpePart,
        List<String> cpeAliases,
        List<String> aliases,
        List<String> notPackages,
        List<SignaturePattern> patterns) {

    public Signature {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        notPackages = notPackages == null ? List.of() : List.copyOf(notPackages);
        cpeAliases = cpeAliases == null ? List.of() : List.copyOf(cpeAliases);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        cpePart = cpePart == null ? "a" : cpePart;
    }

    /** Every CPE vendor:product this component is published under (NVD renamed some, e.g. nginx → f5). */
    public List<String> cpeVendorProducts() {
        List<String> all = new java.util.ArrayList<>();
        if (cpe != null) {
            all.add(cpe);
        }
        all.addAll(cpeAliases);
        return all;
    }

    /** A CPE 2.3 formatted string for a version, or null when this component has no CPE. */
    public String cpeFor(String version) {
        if (cpe == null) {
            return null;
        }
        String v = version == null ? "*" : escapeCpe(version);
        return "cpe:2.3:" + cpePart + ":" + cpe + ":" + v + ":*:*:*:*:*:*:*";
    }

    public String purlFor(String version) {
        if (purl == null) {
            return null;
        }
        return version == null ? purl : purl + "@" + PurlText.encode(version);
    }

    static String escapeCpe(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-') {
                sb.append(c);
            } else {
                sb.append('\\').append(c);
            }
        }
        return sb.toString();
    }
}
