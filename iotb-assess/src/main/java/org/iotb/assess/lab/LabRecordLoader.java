package org.iotb.assess.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.model.Json;
import org.iotb.model.Sha256;

/**
 * Reads a {@code lab.yaml} (docs/reports.md, "Lab record"): kebab-case keys, strict (an unknown key is an error
 * that names the line), requirements resolved against the catalog ({@code "etsi-en-303-645:5.1-1"}, or a bare id
 * that only one standard has), dates checked as ISO dates, attachments resolved against the file's folder, required
 * to be regular files (not links) and hashed.
 */
public final class LabRecordLoader {
    private final Catalog catalog;

    public LabRecordLoader(Catalog catalog) {
        this.catalog = catalog;
    }

    // the file as written; converted to LabRecord once checked
    private record RawFile(Raw.Laboratory laboratory, String client, String reportId, Raw.Dates dates,
                           Raw.Device deviceUnderTest, String tester, String reviewer, String approver,
                           List<Raw.Observation> observations) {
    }

    private static final class Raw {
        record Laboratory(String name, String accreditation) {
        }

        record Dates(String start, String end, String issue) {
        }

        record Device(String model, String hardwareVersion, String firmwareVersion, List<String> serials) {
        }

        record Observation(String id, String requirement, String unit, String testCase, String done, String result,
                           List<String> attachments) {
        }
    }

    /** The commented template {@code iotb lab init} writes (a valid record with no observations). */
    public static String template() {
        try (java.io.InputStream in = LabRecordLoader.class.getResourceAsStream("lab-template.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing lab-template.yaml");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public LabRecord load(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new LabRecordException("lab record " + file + " is not a readable file");
        }
        RawFile raw;
        try {
            ObjectMapper m = Json.kebabYaml().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            raw = m.readValue(file.toFile(), RawFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new LabRecordException(name + lineOfKey(file, e.getPropertyName(), e.getLocation()) + ": unknown key '" + e.getPropertyName()
                    + "'; known here: " + String.join(", ", known(e)));
        } catch (JsonProcessingException e) {
            throw new LabRecordException(name + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LabRecordException("cannot read lab record " + file + ": " + e.getMessage());
        }
        if (raw == null) {
            throw new LabRecordException(name + ": empty lab record");
        }
        List<String> problems = new ArrayList<>();
        LabRecord.Dates dates = null;
        if (raw.dates() != null) {
            dates = new LabRecord.Dates(date("dates.start", raw.dates().start(), problems),
                    date("dates.end", raw.dates().end(), problems), date("dates.issue", raw.dates().issue(), problems));
        }
        List<LabObservation> observations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Path base = file.toAbsolutePath().getParent();
        List<Raw.Observation> given = raw.observations() == null ? List.of() : raw.observations();
        for (int i = 0; i < given.size(); i++) {
            Raw.Observation o = given.get(i);
            String id = o.id() == null || o.id().isBlank() ? "OBS-" + (i + 1) : o.id().strip();
            String at = "observations[" + (i + 1) + "] (" + id + ")";
            if (!ids.add(id)) {
                problems.add(at + ": id " + id + " is used twice");
            }
            String key = requirement(at, o.requirement(), problems);
            LabResult result = null;
            try {
                result = LabResult.fromId(o.result());
            } catch (IllegalArgumentException e) {
                problems.add(at + ": result: " + e.getMessage());
            }
            if (o.done() == null || o.done().isBlank()) {
                problems.add(at + ": 'done' is required: say what the lab did and saw");
            }
            List<LabObservation.Attachment> attachments = new ArrayList<>();
            for (String a : o.attachments() == null ? List.<String>of() : o.attachments()) {
                LabObservation.Attachment att = attachment(at, base, a, problems);
                if (att != null) {
                    attachments.add(att);
                }
            }
            observations.add(new LabObservation(id, key, blankToNull(o.unit()), blankToNull(o.testCase()),
                    o.done() == null ? null : o.done().strip(), result, attachments, List.of()));
        }
        checkAttachmentNames(observations, problems);
        if (!problems.isEmpty()) {
            throw new LabRecordException(name + " has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        Raw.Device d = raw.deviceUnderTest();
        return new LabRecord(
                raw.laboratory() == null ? null : new LabRecord.Laboratory(raw.laboratory().name(), raw.laboratory().accreditation()),
                raw.client(), raw.reportId(), dates,
                d == null ? null : new LabRecord.DeviceUnderTest(d.model(), d.hardwareVersion(), d.firmwareVersion(), d.serials()),
                raw.tester(), raw.reviewer(), raw.approver(), observations);
    }

    /** "standard:id", or a bare id only one standard has; the catalog's key either way. */
    private String requirement(String at, String given, List<String> problems) {
        if (given == null || given.isBlank()) {
            problems.add(at + ": 'requirement' is required (e.g. etsi-en-303-645:5.1-1)");
            return null;
        }
        String g = given.strip();
        int colon = g.indexOf(':');
        if (colon > 0) {
            String sid = g.substring(0, colon);
            String rid = g.substring(colon + 1).strip();
            Standard s = catalog.standard(sid).orElse(null);
            if (s == null) {
                problems.add(at + ": unknown standard '" + sid + "'; known: "
                        + String.join(", ", catalog.standards().stream().map(Standard::id).toList()));
                return null;
            }
            return s.requirement(rid).map(Requirement::key).orElseGet(() -> {
                problems.add(at + ": " + sid + " has no requirement '" + rid + "'");
                return null;
            });
        }
        List<String> matches = new ArrayList<>();
        for (Standard s : catalog.standards()) {
            // a derived view may reuse its source's ids (SG CLS): a bare id names the assessed requirement itself
            s.requirement(g).filter(r -> !r.derived()).ifPresent(r -> matches.add(r.key()));
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        problems.add(at + ": requirement '" + g + "' " + (matches.isEmpty() ? "is in no standard"
                : "is ambiguous; write one of " + String.join(", ", matches)));
        return null;
    }

    private static LabObservation.Attachment attachment(String at, Path base, String given, List<String> problems) {
        if (given == null || given.isBlank()) {
            problems.add(at + ": an empty attachment name");
            return null;
        }
        Path p = base.resolve(given.strip()).normalize();
        if (Files.isSymbolicLink(p)) {
            problems.add(at + ": attachment " + given + " is a symbolic link; give the file itself");
            return null;
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(at + ": attachment " + given + " does not exist (or is not a regular file); looked at " + p);
            return null;
        }
        try {
            return new LabObservation.Attachment("attachments/" + p.getFileName(), Sha256.of(p), Files.size(p), p);
        } catch (IOException e) {
            problems.add(at + ": cannot read attachment " + given + ": " + e.getMessage());
            return null;
        }
    }

    /** Two different files may not land on the same name in attachments/. */
    private static void checkAttachmentNames(List<LabObservation> observations, List<String> problems) {
        java.util.Map<String, LabObservation.Attachment> byName = new java.util.HashMap<>();
        for (LabObservation o : observations) {
            for (LabObservation.Attachment a : o.attachments()) {
                LabObservation.Attachment other = byName.putIfAbsent(a.file(), a);
                if (other != null && !other.sha256().equals(a.sha256())) {
                    problems.add(o.id() + ": attachments " + other.source() + " and " + a.source()
                            + " have the same name and different content; rename one");
                }
            }
        }
    }

    private static String date(String key, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            problems.add(key + ": '" + value + "' is not a date as yyyy-mm-dd");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String where(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? "" : " line " + l.getLineNr();
    }

    /** The line of the first "key:" (Jackson reports where it stopped reading, often the line after). */
    private static String lineOfKey(Path file, String key, JsonLocation fallback) {
        try {
            List<String> lines = Files.readAllLines(file);
            java.util.regex.Pattern p = java.util.regex.Pattern.compile("^\\s*(- )?\\{?\\s*\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*:.*");
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).matches() || lines.get(i).matches(".*[{,]\\s*" + java.util.regex.Pattern.quote(key) + "\\s*:.*")) {
                    return " line " + (i + 1);
                }
            }
        } catch (IOException e) {
            // fall back to where the parser stopped
        }
        return where(fallback);
    }

    private static List<String> known(UnrecognizedPropertyException e) {
        List<String> out = new ArrayList<>();
        if (e.getKnownPropertyIds() != null) {
            e.getKnownPropertyIds().forEach(k -> out.add(String.valueOf(k).toLowerCase(Locale.ROOT)));
        }
        return out;
    }
}
