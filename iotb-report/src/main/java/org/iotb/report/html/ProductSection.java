package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.assess.Contradiction;
import org.iotb.assess.ImageFacts;
import org.iotb.assess.InferredFact;
import org.iotb.model.facts.ServiceFact;

/** What the product is: its profile (declared and inferred), its firmware images and its services. */
final class ProductSection {
    private static final int MAX_SERVICES = 200;

    private ProductSection() {
    }

    static void profile(StringBuilder b, Assessment a) {
        b.append("<h2 id=\"profile\">Product profile</h2>\n");
        List<String[]> rows = new ArrayList<>();
        flatten("", a.profile().declared(), rows);
        if (rows.isEmpty()) {
            b.append("<p>No profile was declared: requirements that depend on product facts are undetermined unless the firmware reveals them.</p>\n");
        } else {
            b.append("<table class=\"grid\" style=\"width:auto\"><tr><th>Declared fact</th><th>Value</th></tr>\n");
            for (String[] r : rows) {
                b.append("<tr><td class=\"mono\">").append(esc(r[0])).append("</td><td>").append(esc(r[1])).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!a.profile().inferred().isEmpty()) {
            b.append("<h3>Inferred from the firmware</h3>\n<table class=\"grid\"><tr><th>Fact</th><th>Value</th><th>Because</th><th>Source</th></tr>\n");
            for (InferredFact f : a.profile().inferred()) {
                b.append("<tr><td class=\"mono\">").append(esc(f.key())).append("</td><td>").append(esc(text(f.value())))
                        .append("</td><td>").append(esc(f.detail())).append("</td><td class=\"mono\">").append(esc(f.check()))
                        .append(" (").append(esc(f.source())).append(")</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!a.profile().contradictions().isEmpty()) {
            b.append("<h3>Contradictions</h3>\n<table class=\"grid\"><tr><th>Fact</th><th>Declared</th><th>Firmware shows</th><th>Detail</th></tr>\n");
            for (Contradiction c : a.profile().contradictions()) {
                b.append("<tr><td class=\"mono\">").append(esc(c.key())).append("</td><td>").append(esc(text(c.declared())))
                        .append("</td><td class=\"conflict\">").append(esc(text(c.observed()))).append("</td><td>")
                        .append(esc(c.detail())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
    }

    static void images(StringBuilder b, Assessment a) {
        if (a.images().isEmpty()) {
            return;
        }
        b.append("<h2 id=\"images\">Firmware images</h2>\n");
        for (ImageFacts img : a.images()) {
            b.append("<div class=\"imagebox\"><h3 style=\"margin-top:4px\">").append(esc(img.name())).append("</h3>");
            b.append("<p class=\"sub\">SHA-256 <span class=\"mono\">").append(esc(img.sha256())).append("</span>");
            if (img.size() != null) {
                b.append(", ").append(esc(Charts.human(img.size())));
            }
            b.append("</p>");
            if (!img.entropy().isEmpty()) {
                b.append("<p><b>Entropy</b> <span class=\"sub\">(").append(img.entropy().size()).append(" blocks")
                        .append(img.entropyBlockSize() == null ? "" : " of " + Charts.human(img.entropyBlockSize()))
                        .append("; flat high regions are compressed or encrypted data)</span></p>")
                        .append(Charts.entropy(img.entropy(), img.size() == null ? 0 : img.size(), 640, 130));
            }
            if (!img.services().isEmpty()) {
                b.append("<p><b>Services started at boot</b> (").append(img.services().size()).append(")</p>")
                        .append("<table class=\"grid\"><tr><th>Service</th><th>Started by</th></tr>");
                int n = 0;
                for (ServiceFact s : img.services()) {
                    if (n++ == MAX_SERVICES) {
                        break;
                    }
                    b.append("<tr><td class=\"mono\">").append(esc(s.name())).append("</td><td class=\"mono\">")
                            .append(esc(s.source() == null ? "" : s.source() + (s.line() == null ? "" : ":" + s.line())))
                            .append("</td></tr>");
                }
                b.append("</table>");
            }
            if (!img.unpackWarnings().isEmpty()) {
                b.append("<p><b>Unpacking warnings</b></p><ul>");
                img.unpackWarnings().stream().limit(50).forEach(w -> b.append("<li>").append(esc(w)).append("</li>"));
                b.append("</ul>");
            }
            b.append("</div>\n");
        }
    }

    /**
     * Open ports and services found on probed devices. Read from the {@code net.svc.inventory} findings, since
     * the assessment (and its JSON, from which reports are re-rendered) carries the device's services only there.
     */
    static void deviceServices(StringBuilder b, Assessment a) {
        List<String[]> rows = new ArrayList<>();
        for (AssessedFinding f : a.findings()) {
            if (!"net.svc.inventory".equals(f.check()) || !(f.data().get("services") instanceof Collection<?> list)) {
                continue;
            }
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && rows.size() < MAX_SERVICES) {
                    rows.add(new String[] {f.source(), text(m.get("transport")) + "/" + text(m.get("port")),
                            text(m.get("service")), text(m.get("tls")), text(m.get("banner"))});
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"device\">Device service inventory</h2>\n<table class=\"grid\"><tr><th>Device</th><th>Port</th>")
                .append("<th>Service</th><th>TLS</th><th>Banner</th></tr>\n");
        for (String[] r : rows) {
            b.append("<tr>");
            for (int i = 0; i < r.length; i++) {
                b.append(i == 4 ? "<td class=\"mono\">" : "<td>").append(esc(r[i])).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void flatten(String prefix, Object v, List<String[]> rows) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), rows);
            }
        } else if (v instanceof Collection<?> c && c.isEmpty()) {
            return; // an empty list says nothing
        } else if (v != null && !prefix.isEmpty()) {
            rows.add(new String[] {prefix, text(v)});
        }
    }

    static String text(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(x -> parts.add(String.valueOf(x)));
            return String.join(", ", parts);
        }
        return String.valueOf(o);
    }
}
