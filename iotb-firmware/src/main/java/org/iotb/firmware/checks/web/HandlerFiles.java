package org.iotb.firmware.checks.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which files are web handlers and in which language they are written (from the rules' `handlers`
 * block and each language's shebang and extensions). Documentation is never a handler, however it is named.
 */
final class HandlerFiles {
    private final List<Pattern> webRoots;
    private final List<Pattern> exclude;
    private final List<String> anywhere;
    private final List<RequestTaint> languages;

    HandlerFiles(CommandInjectionRules rules) {
        webRoots = rules.handlers().webRoots().stream().map(Pattern::compile).toList();
        exclude = rules.handlers().exclude().stream().map(Pattern::compile).toList();
        anywhere = rules.handlers().anywhere();
        languages = rules.languages().stream().map(RequestTaint::new).toList();
    }

    /** Whether a file at {@code path} may be a web handler: in a web root, or of a handler-only extension. */
    boolean mayBeHandler(String path) {
        if (exclude.stream().anyMatch(x -> x.matcher(path).find())) {
            return false;
        }
        return anywhere.contains(extension(path)) || webRoots.stream().anyMatch(r -> r.matcher(path).find());
    }

    /** The analysis for a handler's language, by its shebang line, else by its extension. */
    Optional<RequestTaint> languageOf(String path, String firstLine) {
        if (firstLine != null && firstLine.startsWith("#!")) {
            Optional<RequestTaint> byShebang = languages.stream().filter(l -> l.shebang(firstLine)).findFirst();
            if (byShebang.isPresent()) {
                return byShebang;
            }
            return Optional.empty(); // an interpreter we do not judge (python, perl, ...): not guessed from the name
        }
        String ext = extension(path);
        return languages.stream().filter(l -> l.language().extensions().contains(ext)).findFirst();
    }

    static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    }
}
