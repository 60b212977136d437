package org.iotb.cli.catalog;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.ApplicabilityResult;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.applicability.ProductLevel;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.catalog.profile.ProfileTemplate;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `iotb profile`: write and check the product profile that decides which requirements apply. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Describe the product: the facts that decide which requirements apply.",
        subcommands = {ProfileCommand.Init.class, ProfileCommand.Check.class})
public final class ProfileCommand extends org.iotb.cli.common.ParentCommand {

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Write a commented profile template. On a terminal, --interactive asks the questions one",
                "by one (Enter keeps 'unknown')."})
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = {"-o", "--output"}, description = "File to write (default: standard output).")
        Path output;
        @Option(names = {"-i", "--interactive"}, description = "Ask each question on the terminal.")
        boolean interactive;
        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            if (output != null && Files.exists(output) && !force) {
                throw new UserInputException(output + " exists; use --force to overwrite");
            }
            Catalog catalog = Catalog.load();
            Map<String, String> answers = interactive ? ask(catalog) : Map.of();
            Output.write(ProfileTemplate.render(catalog, answers), output, spec.commandLine().getOut());
            if (output != null) {
                spec.commandLine().getErr().println("wrote " + output + "; check it with: iotb profile check " + output);
            }
            return 0;
        }

        /** One prompt per question of the catalog-derived profile schema (the template's keys, in its order). */
        private Map<String, String> ask(Catalog catalog) throws java.io.IOException {
            PrintWriter err = spec.commandLine().getErr();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Map<String, String> answers = new LinkedHashMap<>();
            for (ProfileTemplate.Question q : ProfileTemplate.questions(catalog)) {
                switch (q.kind()) {
                    case "text" -> {
                        String a = prompt(err, in, q.explanation() + ": ");
                        if (!a.isEmpty()) {
                            answers.put(q.key(), "\"" + a.replace("\"", "'") + "\"");
                        }
                    }
                    case "boolean" -> {
                        err.println("  (" + q.explanation() + ")");
                        String a = prompt(err, in, q.key().substring("device.".length()) + " [true/false/unknown]: ")
                                .toLowerCase(java.util.Locale.ROOT);
                        if (a.startsWith("t") || a.startsWith("y")) {
                            answers.put(q.key(), "true");
                        } else if (a.startsWith("f") || a.startsWith("n")) {
                            answers.put(q.key(), "false");
                        }
                    }
                    default -> {
                        boolean list = q.kind().equals("list");
                        err.println("  (" + q.explanation() + "; " + (list ? "any of: " : "one of: ")
                                + String.join(", ", q.words()) + ")");
                        String a = prompt(err, in, q.key() + (list ? " (comma-separated)" : "") + ": ");
                        if (!a.isEmpty()) {
                            // "wifi, ble" and "[wifi, ble]" both mean a list
                            answers.put(q.key(), list && !a.startsWith("[") ? "[" + a + "]" : a);
                        }
                    }
                }
            }
            return answers;
        }

        private static String prompt(PrintWriter err, BufferedReader in, String text) throws java.io.IOException {
            err.print(text);
            err.flush();
            String line = in.readLine();
            return line == null ? "" : line.trim();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a profile and summarise which requirements apply, per standard.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PROFILE")
        Path profile;

        @Override
        public Integer call() {
            Catalog catalog = Catalog.load();
            Profile p = ProfileLoader.load(profile, catalog);
            ApplicabilityEngine engine = new ApplicabilityEngine(catalog);
            PrintWriter out = spec.commandLine().getOut();
            out.println(profile + ": valid");
            for (Standard s : catalog.standards()) {
                var results = engine.evaluate(s, p);
                out.printf("  %-22s applicable %3d  not applicable %3d  undetermined %3d%n", s.id(),
                        count(results, Applies.YES), count(results, Applies.NO), count(results, Applies.UNDETERMINED));
                ProductLevel level = engine.level(s, p);
                if (level != null) {
                    out.println("  " + " ".repeat(22) + " " + level.reason());
                }
            }
            return 0;
        }

        private static long count(java.util.List<ApplicabilityResult> r, Applies a) {
            return r.stream().filter(x -> x.applies() == a).count();
        }
    }
}
