package org.iotb.firmware.checks.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.elf.ElfHardening;
import org.iotb.firmware.elf.ElfInfo;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.StringHit;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * A check whose detection is entirely data: the rules of data/pattern-rules.yaml carrying its id (one instance
 * per check that file describes, see {@link #all(PatternRules)}). Comments ({@link Comments}) and
 * documentation ({@link Documentation}: manuals, banners, help text carved out of programs) are not read:
 * documentation is not behaviour. The finding is FAIL if any
 * fail-rule matched, WARNING if only warning-rules matched, else PASS naming how many files were read.
 */
public final class PatternRuleCheck implements FirmwareCheck {
    private static final int MAX_LINE = 4096;

    private record Compiled(PatternRule rule, Pattern regex, Pattern exclude, Pattern excludeMatch,
                            Set<FileKind> kinds, boolean strings) { }

    private final String id;
    private final List<Compiled> rules = new ArrayList<>();

    /** One check per descriptor of {@code file}, in file order. */
    public static List<PatternRuleCheck> all(PatternRules file) {
        return file.checks().stream().map(d -> new PatternRuleCheck(d.id(), file.forCheck(d.id()))).toList();
    }

    public PatternRuleCheck(String id, List<PatternRule> ruleData) {
        this.id = id;
        for (PatternRule r : ruleData) {
            List<String> scopes = r.scopes() == null ? List.of() : r.scopes();
            Set<FileKind> kinds = new java.util.HashSet<>();
            for (String s : scopes) {
                switch (s) {
                    case "script" -> kinds.add(FileKind.SCRIPT);
                    case "config" -> kinds.add(FileKind.CONFIG);
                    case "web" -> kinds.add(FileKind.WEB_ASSET);
                    case "source" -> kinds.add(FileKind.SOURCE);
                    case "text" -> kinds.add(FileKind.TEXT);
                    case "strings" -> { }
                    default -> throw new IllegalArgumentException("unknown scope " + s + " in rule " + r.rule());
                }
            }
            rules.add(new Compiled(r, r.compiled(), r.compiledExclude(), r.compiledExcludeMatch(), kinds,
                    scopes.contains("strings")));
        }
        if (rules.isEmpty()) {
            throw new IllegalStateException("no pattern rules for " + id);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Evidence> fails = new ArrayList<>();
        List<Evidence> warns = new ArrayList<>();
        List<Evidence> infos = new ArrayList<>();
        Map<String, Integer> perRule = new LinkedHashMap<>();
        int filesRead = 0;
        for (TreeFile f : ctx.tree().files()) {
            boolean textual = f.isText();
            boolean binary = f.kind() == FileKind.ELF || f.kind() == FileKind.BINARY;
            FileKind kind = WebBundles.kindForRules(f); // a web UI bundled in one file is judged as web pages
            List<Compiled> applicable = rules.stream().filter(c -> c.regex() != null
                    && (textual && c.kinds().contains(kind) || binary && c.strings())).toList();
            if (applicable.isEmpty() || Documentation.is(ctx.tree(), f)) {
                continue; // manuals, banners and help text carved out of programs describe, they do not act
            }
            filesRead++;
            if (textual) {
                List<String> lines = ctx.tree().lines(f);
                Comments comments = Comments.of(kind, f.path());
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.length() > MAX_LINE) {
                        line = line.substring(0, MAX_LINE);
                    }
                    String code = comments.code(line);
                    if (code.isBlank()) {
                        continue;
                    }
                    String lower = lower(code);
                    for (Compiled c : applicable) {
                        String hit = match(c, code, lower);
                        if (hit != null) {
                            add(c, Evidence.line(f.path(), i + 1, c.rule().rule() + ": " + Results.excerpt(line)),
                                    fails, warns, infos, perRule, kind);
                        }
                    }
                }
            } else {
                Comments comments = Comments.ofStrings();
                for (StringHit s : ctx.tree().strings(f)) {
                    if (comments.wholeLine(s.text())) {
                        continue; // "## http://..." : a comment of a config file compiled into the program
                    }
                    String lower = lower(s.text());
                    for (Compiled c : applicable) {
                        if (match(c, s.text(), lower) != null) {
                            add(c, Evidence.offset(f.path(), s.offset(), c.rule().rule() + ": "
                                    + Results.excerpt(s.text())), fails, warns, infos, perRule, f.kind());
                        }
                    }
                }
            }
        }
        int elvesJudged = importRules(ctx, fails, warns, infos, perRule);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("filesRead", filesRead);
        data.put("matchesPerRule", perRule);
        if (!fails.isEmpty() || !warns.isEmpty()) {
            List<Evidence> ev = new ArrayList<>(fails);
            ev.addAll(warns);
            Outcome o = fails.isEmpty() ? Outcome.WARNING : Outcome.FAIL;
            String msg = (fails.size() + warns.size()) + " match(es): " + describe(perRule, false);
            return List.of(new Finding(id, o, severity(o), msg, Results.cap(ev), data));
        }
        String msg = "no match in " + filesRead + " file(s)" + (elvesJudged > 0 ? " and the imports of "
                + elvesJudged + " ELF file(s)" : "") + " (rules: " + rules.stream().map(c -> c.rule().rule())
                .distinct().reduce((a, b) -> a + ", " + b).orElse("") + ")";
        if (filesRead == 0 && elvesJudged == 0) {
            return List.of(Finding.notRun(id, "no file to which the rules apply").withData(data));
        }
        if (!infos.isEmpty()) {
            // info rules record a capability (e.g. imported symbols), not the weakness itself: no verdict
            return List.of(new Finding(id, Outcome.INFO, Severity.NONE, msg + "; for information, "
                    + infos.size() + " match(es) that show a capability, not its use: " + describe(perRule, true),
                    Results.cap(infos), data));
        }
        return List.of(Finding.pass(id, msg, List.of()).withData(data));
    }

    private Severity severity(Outcome o) {
        for (Compiled c : rules) {
            if (c.rule().severity() != null && o.id().equals(c.rule().outcome())) {
                return Severity.fromId(c.rule().severity());
            }
        }
        return o == Outcome.FAIL ? Severity.MEDIUM : Severity.LOW;
    }

    private String describe(Map<String, Integer> perRule, boolean infoRules) {
        Set<String> info = new java.util.HashSet<>();
        rules.stream().filter(c -> "info".equals(c.rule().outcome())).forEach(c -> info.add(c.rule().rule()));
        List<String> parts = new ArrayList<>();
        perRule.forEach((k, v) -> {
            if (info.contains(k) == infoRules) {
                parts.add(k + " ×" + v);
            }
        });
        return String.join(", ", parts);
    }

    private static void add(Compiled c, Evidence ev, List<Evidence> fails, List<Evidence> warns,
                            List<Evidence> infos, Map<String, Integer> perRule, FileKind kind) {
        String o = c.rule().outcome() == null ? "fail" : c.rule().outcome();
        (o.equals("fail") ? fails : o.equals("info") ? infos : warns).add(ev);
        perRule.merge(c.rule().rule(), 1, Integer::sum);
    }

    /** Returns the matched text, or null when the rule does not match (or its exclusions apply). */
    private static String match(Compiled c, String line, String lower) {
        if (!org.iotb.firmware.checks.Hints.mayMatch(c.rule().hints(), lower)) {
            return null;
        }
        Matcher m = c.regex().matcher(line);
        while (m.find()) {
            if (c.exclude() != null && c.exclude().matcher(line).find()) {
                return null;
            }
            Integer hg = c.rule().hostGroup();
            if (hg != null && BenignHosts.benign(m.group(hg))) {
                continue;
            }
            if (c.excludeMatch() != null && c.excludeMatch().matcher(m.group()).find()) {
                continue; // e.g. a namespace or schema URL: a name, not a server
            }
            return m.group();
        }
        return null;
    }

    /** Import-based rules over ELF executables and libraries; returns how many ELF files were judged. */
    private int importRules(ScanContext ctx, List<Evidence> fails, List<Evidence> warns, List<Evidence> infos,
                            Map<String, Integer> perRule) {
        List<Compiled> importRules = rules.stream().filter(c -> c.rule().importsAll() != null
                || c.rule().importsAny() != null).toList();
        if (importRules.isEmpty()) {
            return 0;
        }
        int judged = 0;
        for (ElfInfo e : ctx.elves().all()) {
            ElfHardening.Kind k = e.hardening().kind();
            if (k != ElfHardening.Kind.EXECUTABLE && k != ElfHardening.Kind.SHARED_LIBRARY) {
                continue;
            }
            if (e.imports().isEmpty()) {
                continue;
            }
            judged++;
            for (Compiled c : importRules) {
                List<String> hit = new ArrayList<>();
                if (c.rule().importsAll() != null) {
                    if (e.imports().containsAll(c.rule().importsAll())) {
                        hit.addAll(c.rule().importsAll());
                    }
                } else {
                    for (String s : c.rule().importsAny()) {
                        if (e.imports().contains(s)) {
                            hit.add(s);
                        }
                    }
                }
                if (!hit.isEmpty()) {
                    add(c, Evidence.file(e.path()).withExcerpt(c.rule().rule() + ": imports "
                            + Results.list(hit, 6)), fails, warns, infos, perRule, FileKind.ELF);
                }
            }
        }
        return judged;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
