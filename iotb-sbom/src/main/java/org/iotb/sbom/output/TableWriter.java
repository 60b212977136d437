package org.iotb.sbom.output;

import java.util.List;
import java.util.Locale;
import org.iotb.sbom.Component;
import org.iotb.sbom.Sbom;

/** A plain-text table of an SBOM for people: name, version, confidence, source, first evidence. */
public final class TableWriter {
    public String toText(Sbom sbom) {
        StringBuilder sb = new StringBuilder();
        sb.append("SBOM of ").append(sbom.subject().name());
        if (sbom.subject().sha256() != null) {
            sb.append(" (sha256 ").append(sbom.subject().sha256()).append(')');
        }
        sb.append('\n');
        String fmt = "%-22s %-16s %-7s %-10s %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "COMPONENT", "VERSION", "CONF", "SOURCE", "EVIDENCE"));
        for (Component c : sbom.components()) {
            String ev = c.evidence().isEmpty() ? "" : c.evidence().get(0).path()
                    + (c.evidence().get(0).excerpt() == null ? "" : " \"" + clip(c.evidence().get(0).excerpt()) + "\"");
            sb.append(String.format(Locale.ROOT, fmt, clip(c.name(), 22), c.version() == null ? "?" : clip(c.version(), 16),
                    c.confidence().id(), c.source().id(), ev));
        }
        sb.append(sbom.components().size()).append(" components");
        List<String> w = sbom.warnings();
        if (!w.isEmpty()) {
            sb.append(", ").append(w.size()).append(" warnings");
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String clip(String s) {
        return clip(s, 60);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
