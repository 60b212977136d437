package org.iotb.firmware.checks.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.firmware.checks.web.CommandInjectionRules.Language;
import org.iotb.firmware.checks.web.CommandInjectionRules.Sink;

/**
 * The taint analysis of one handler language over one file, line by line: which variables hold request input
 * (assigned from a source or from another such variable, unless a sanitizer wraps it), and which sink lines hand
 * such input to a shell. Deliberately simple (no scopes, no control flow): a variable is request input anywhere
 * in the file once any assignment makes it so. A statement split over several lines is judged line by line.
 */
final class RequestTaint {
    /** Rounds of propagation: a chain a=source; b=$a; c=$b; ... longer than this is not followed. */
    private static final int MAX_ROUNDS = 8;
    private static final int MAX_LINE = 4096;

    /** One sink line that receives request input. */
    record Hit(int line, String rule, String text, String input) { }

    private record CompiledSink(String rule, Pattern pattern) { }

    private final Language language;
    private final Pattern shebang;
    private final List<Pattern> literals;
    private final List<Pattern> sources;
    private final List<Pattern> reads;
    private final List<Pattern> assignments;
    private final List<Pattern> sanitizers;
    private final List<CompiledSink> sinks;
    private final java.util.Map<String, Pattern> references = new java.util.concurrent.ConcurrentHashMap<>();

    RequestTaint(Language language) {
        this.language = language;
        this.shebang = language.shebang() == null ? null : Pattern.compile(language.shebang());
        this.literals = compile(language.literals());
        this.sources = compile(language.sources());
        this.reads = compile(language.reads());
        this.assignments = compile(language.assignments());
        this.sanitizers = compile(language.sanitizers());
        this.sinks = language.sinks().stream().map((Sink s) -> new CompiledSink(s.rule(), Pattern.compile(s.regex())))
                .toList();
    }

    Language language() {
        return language;
    }

    boolean shebang(String firstLine) {
        return shebang != null && shebang.matcher(firstLine).find();
    }

    /** The sink lines of {@code lines} that receive request input, in line order. */
    List<Hit> analyse(List<String> lines) {
        List<String> code = new ArrayList<>(lines.size());
        for (String l : lines) {
            String t = l.length() > MAX_LINE ? l.substring(0, MAX_LINE) : l;
            code.add(t.stripLeading().startsWith(language.comment()) && !t.startsWith("#!") ? "" : t);
        }
        Set<String> tainted = taintedVariables(code);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            String line = code.get(i);
            Hit hit = null;
            for (int k = 0; k < sinks.size() && hit == null; k++) {
                CompiledSink s = sinks.get(k);
                Matcher m = s.pattern().matcher(line);
                while (hit == null && m.find()) {
                    String input = requestInput(m.group("arg"), tainted);
                    if (input != null) {
                        hit = new Hit(i + 1, s.rule(), line, input); // one per line: the first sink names it
                    }
                }
            }
            if (hit != null) {
                hits.add(hit);
            }
        }
        return hits;
    }

    /** The variables holding request input, propagated through assignments until nothing changes. */
    private Set<String> taintedVariables(List<String> code) {
        Set<String> tainted = new LinkedHashSet<>();
        for (String line : code) {
            for (Pattern r : reads) {
                Matcher m = r.matcher(line);
                while (m.find()) {
                    tainted.add(m.group("name"));
                }
            }
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (String line : code) {
                for (Pattern a : assignments) {
                    Matcher m = a.matcher(line);
                    if (m.find() && !tainted.contains(m.group("name"))
                            && requestInput(m.group("expr"), tainted) != null) {
                        tainted.add(m.group("name"));
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return tainted;
    }

    /** The source or request variable that {@code text} carries once sanitized parts are cut out, else null. */
    private String requestInput(String text, Set<String> tainted) {
        String rest = text;
        for (Pattern s : sanitizers) {
            rest = s.matcher(rest).replaceAll(" ");
        }
        for (Pattern s : sources) {
            Matcher m = s.matcher(rest);
            if (m.find()) {
                return m.group();
            }
        }
        String bare = rest;
        for (Pattern l : literals) {
            bare = l.matcher(bare).replaceAll("''");
        }
        for (String v : List.copyOf(tainted)) {
            if (references.computeIfAbsent(v, this::reference).matcher(bare).find()) {
                return v;
            }
        }
        return null;
    }

    /** How a reference to {@code variable} looks in this language (its pattern is cached per analysis). */
    private Pattern reference(String variable) {
        return Pattern.compile(language.variable().replace("NAME", Pattern.quote(variable)));
    }

    private static List<Pattern> compile(List<String> regexes) {
        return regexes.stream().map(Pattern::compile).toList();
    }
}
