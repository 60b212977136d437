package org.iotb.sbom.pkgdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Debian-control-style paragraphs ("Field: value" lines, blank line between records, continuation lines
 * starting with a space), the format of dpkg's status file and opkg's status and .control files. Bounded: long
 * lines are cut, and reading stops after {@code maxRecords} records.
 */
final class ControlParagraphs {
    /** A record's fields (lower-case names) and the line it starts on. */
    record Paragraph(Map<String, String> fields, int line) {
        String get(String field) {
            return fields.get(field);
        }
    }

    private static final int MAX_LINE = 8192;

    private ControlParagraphs() {
    }

    static List<Paragraph> read(InputStream in, int maxRecords) throws IOException {
        List<Paragraph> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        int lineNo = 0;
        String lastField = null;
        String line;
        while ((line = r.readLine()) != null && out.size() < maxRecords) {
            lineNo++;
            if (line.length() > MAX_LINE) {
                line = line.substring(0, MAX_LINE);
            }
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    out.add(new Paragraph(fields, start));
                    fields = new LinkedHashMap<>();
                }
                lastField = null;
                continue;
            }
            if (fields.isEmpty()) {
                start = lineNo;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                continue; // continuation of a long field (Description, Conffiles): not needed
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            lastField = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            fields.putIfAbsent(lastField, line.substring(colon + 1).trim());
        }
        if (!fields.isEmpty() && out.size() < maxRecords) {
            out.add(new Paragraph(fields, start));
        }
        return out;
    }
}
