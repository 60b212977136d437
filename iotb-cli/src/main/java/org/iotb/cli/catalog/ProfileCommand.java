package org.iotb.cli.catalog;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
                "by one (Enter keeps 'unknown'; 'none' gives an empty list); an answer outside the allowed values is",
                "asked again. Every fact the template leaves unset stays unknown: nothing is written as 'none'."})
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
            Output.refuseOverwrite(output, force);
            Catalog catalog = Catalog.load();
            Map<String, String> answers = interactive ? ask(catalog) : Map.of();
            String text = ProfileTemplate.render(catalog, answers);
            ProfileLoader.parse(text, "the profile written", catalog); // what we write must check clean
            Output.write(text, output, spec.commandLine().getOut());
            if (output != null) {
                spec.commandLine().getErr().println("wrote " + output + "; check it with: iotb profile check " + output);
            }
            return 0;
        }

        /**
         * One prompt per question of the catalog-derived profile schema (the template's keys, in its order). An
         * answer the profile would refuse is not taken: the wizard says why, shows the allowed values and asks again.
         * Enter (or the end of input) leaves a fact unknown; "none" is the only way to an empty list.
         */
        private Map<String, String> ask(Catalog catalog) throws java.io.IOException {
            PrintWriter err = spec.commandLine().getErr();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Map<String, String> answers = new LinkedHashMap<>();
            for (ProfileTemplate.Question q : ProfileTemplate.questions(catalog)) {
                if (!q.kind().equals("text")) {
                    err.println("  (" + q.explanation() + ")");
                    err.println("  allowed: " + q.allowed());
                }
                String label = q.kind().equals("text") ? q.explanation()
                        : q.kind().equals("boolean") ? q.key().substring("device.".length()) + " [true/false/unknown]"
                        : q.key() + (q.kind().equals("list") ? " (comma-separated)" : "");
                while (true) {
                    String line = prompt(err, in, label + ": ");
                    ProfileTemplate.Answer a = q.answer(line);
                    if (a.valid()) {
                        if (a.yaml() != null) {
                            answers.put(q.key(), a.yaml());
                        }
                        break;
                    }
                    err.println("  " + a.error() + "; allowed: " + q.allowed());
                }
            }
            return answers;
        }

        /** The next answer; at the end of input, "" (unknown), so a short answer file never loops. */
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
            p.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
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
