package org.iotb.firmware.checks.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.iotb.model.Json;

/**
 * The data of fw.web.command-injection (data/command-injection-rules.yaml): which files are web handlers, and
 * per handler language the request-input sources, the assignments that carry them, the sanitizers that neutralise
 * them and the sinks that hand a string to a shell. The file's header comment explains each field.
 */
public record CommandInjectionRules(Handlers handlers, List<Language> languages) {
    public static final String RESOURCE = "/org/iotb/firmware/data/command-injection-rules.yaml";
    private static final CommandInjectionRules BUNDLED = load(RESOURCE);

    /** Where handlers live: web roots, paths never judged (documentation), extensions judged anywhere. */
    public record Handlers(List<String> webRoots, List<String> exclude, List<String> anywhere) {
        public Handlers {
            webRoots = List.copyOf(webRoots);
            exclude = List.copyOf(exclude);
            anywhere = anywhere == null ? List.of() : List.copyOf(anywhere);
        }
    }

    /** One sink: a place where a string reaches a shell (named regex group {@code arg}: that string). */
    public record Sink(String rule, String regex) {
    }

    /** One handler language; regexes are Java regexes (see the data file for the group names). */
    public record Language(String id, List<String> extensions, String shebang, String comment,
                           List<String> literals, List<String> sources, List<String> reads,
                           List<String> assignments, String variable, List<String> sanitizers, List<Sink> sinks) {
        public Language {
            extensions = List.copyOf(extensions);
            literals = literals == null ? List.of() : List.copyOf(literals);
            sources = List.copyOf(sources);
            reads = reads == null ? List.of() : List.copyOf(reads);
            assignments = List.copyOf(assignments);
            sanitizers = sanitizers == null ? List.of() : List.copyOf(sanitizers);
            sinks = List.copyOf(sinks);
            if (!variable.contains("NAME")) {
                throw new IllegalStateException("language " + id + ": variable must contain NAME");
            }
        }
    }

    public CommandInjectionRules {
        languages = List.copyOf(languages);
    }

    public static CommandInjectionRules bundled() {
        return BUNDLED;
    }

    public static CommandInjectionRules load(String resource) {
        try (InputStream in = CommandInjectionRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return Json.yaml().readValue(in, CommandInjectionRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
