package org.iotb.firmware.checks.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.web.command-injection: request input of a CGI, PHP or Lua web handler that reaches a shell (eval, sh -c,
 * system()/popen(), os.execute/io.popen, a request value run as a command) without a sanitizer. Only files that
 * are web handlers are read (see {@link HandlerFiles}); the rules are data (data/command-injection-rules.yaml).
 */
public final class CommandInjectionCheck implements FirmwareCheck {
    public static final String ID = "fw.web.command-injection";

    private final HandlerFiles handlers;

    public CommandInjectionCheck() {
        this(CommandInjectionRules.bundled());
    }

    public CommandInjectionCheck(CommandInjectionRules rules) {
        this.handlers = new HandlerFiles(rules);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Evidence> hits = new ArrayList<>();
        Map<String, Integer> perLanguage = new TreeMap<>();
        Map<String, Integer> perRule = new TreeMap<>();
        for (TreeFile f : ctx.tree().files()) {
            if (!handlerCandidate(f)) {
                continue;
            }
            List<String> lines = ctx.tree().lines(f);
            Optional<RequestTaint> language = handlers.languageOf(f.path(), lines.isEmpty() ? null : lines.get(0));
            if (language.isEmpty()) {
                continue;
            }
            perLanguage.merge(language.get().language().id(), 1, Integer::sum);
            for (RequestTaint.Hit h : language.get().analyse(lines)) {
                hits.add(Evidence.line(f.path(), h.line(), h.rule() + ": " + Results.excerpt(h.text())
                        + " (request input: " + h.input() + ")"));
                perRule.merge(h.rule(), 1, Integer::sum);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("handlersRead", perLanguage);
        data.put("matchesPerRule", perRule);
        int read = perLanguage.values().stream().mapToInt(Integer::intValue).sum();
        if (read == 0) {
            return List.of(Finding.notRun(id(), "no CGI, PHP or Lua web handler in the tree").withData(data));
        }
        String handlersRead = read + " web handler(s) (" + describe(perLanguage) + ")";
        if (hits.isEmpty()) {
            return List.of(Finding.pass(id(), "no request input reaches a shell in " + handlersRead, List.of())
                    .withData(data));
        }
        return List.of(new Finding(id(), Outcome.FAIL, Severity.HIGH, hits.size()
                + " place(s) where request input reaches a shell (" + describe(perRule) + ") in " + handlersRead,
                Results.cap(hits), data));
    }

    /** Text files that may be handlers: binaries (an ELF CGI) are not read, nor keys and certificates. */
    private boolean handlerCandidate(TreeFile f) {
        boolean text = f.kind() == FileKind.SCRIPT || f.kind() == FileKind.WEB_ASSET || f.kind() == FileKind.SOURCE
                || f.kind() == FileKind.TEXT || f.kind() == FileKind.CONFIG;
        return text && handlers.mayBeHandler(f.path());
    }

    private static String describe(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " ×" + v));
        return String.join(", ", parts);
    }
}
