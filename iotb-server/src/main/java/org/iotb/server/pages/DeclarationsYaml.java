package org.iotb.server.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.model.Json;

/**
 * Writes a declarations file from the editor's answers, in the layout of examples/smart-lock/declarations.yaml:
 * one line per requirement, grouped by standard. The answers the file held before for requirements the form does
 * not ask (an equivalent answered differently, a requirement of another profile) are kept as they were. Strings are
 * written as double-quoted YAML scalars (JSON's escaping, which YAML reads the same way).
 */
public final class DeclarationsYaml {
    private DeclarationsYaml() {
    }

    /** One answer from the form: support "Y", "N", "N/A", or "" to leave the requirement unanswered. */
    public record Answer(String standardId, String requirementId, String support, String detail, List<String> evidence) {
    }

    public static String write(Declarations before, List<Answer> answers, List<String> standardOrder) {
        Map<String, Map<String, String>> lines = new LinkedHashMap<>();
        standardOrder.forEach(s -> lines.put(s, new LinkedHashMap<>()));
        before.byStandard().forEach((sid, reqs) -> reqs.forEach((rid, d) -> {
            if (!d.carried()) {
                lines.computeIfAbsent(sid, k -> new LinkedHashMap<>()).put(rid, line(d.support() == null ? "" : d.support().text(),
                        d.detail(), d.evidence()));
            }
        }));
        for (Answer a : answers) {
            Map<String, String> reqs = lines.computeIfAbsent(a.standardId(), k -> new LinkedHashMap<>());
            if (a.support() == null || a.support().isBlank()) {
                reqs.remove(a.requirementId());
            } else {
                reqs.put(a.requirementId(), line(a.support(), a.detail(), a.evidence()));
            }
        }
        StringBuilder b = new StringBuilder("# declarations saved from the iotb workspace's editor\n");
        lines.forEach((sid, reqs) -> {
            if (reqs.isEmpty()) {
                return;
            }
            b.append(sid).append(":\n");
            reqs.forEach((rid, l) -> b.append("  ").append(q(rid)).append(": ").append(l).append('\n'));
        });
        return b.toString();
    }

    private static String line(String support, String detail, List<String> evidence) {
        StringBuilder b = new StringBuilder("{support: ").append(q(support));
        if (detail != null && !detail.isBlank()) {
            b.append(", detail: ").append(q(detail.strip()));
        }
        if (evidence != null && !evidence.isEmpty()) {
            b.append(", evidence: [").append(String.join(", ", evidence.stream().map(DeclarationsYaml::q).toList())).append(']');
        }
        return b.append('}').toString();
    }

    static String q(String s) {
        try {
            return Json.mapper().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
