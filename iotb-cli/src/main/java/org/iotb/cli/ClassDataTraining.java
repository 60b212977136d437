package org.iotb.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The workload whose loaded classes go into the class-data archive (see {@link ClassDataArchive}): the command
 * lines of {@code class-data-training.txt}, run one after the other in this JVM. A class the workload misses still
 * works; it is only read from the jar instead of the archive.
 */
public final class ClassDataTraining {
    private static final String STEPS = "class-data-training.txt";

    private ClassDataTraining() {
    }

    /** {@code ClassDataTraining WORK_DIR FIRMWARE}; exit code 1 when a step did not end as expected. */
    public static void main(String[] args) throws IOException {
        List<String> unexpected = run(Path.of(args[0]), Path.of(args[1]));
        unexpected.forEach(s -> System.err.println("class-data training: unexpected exit code " + s));
        System.exit(unexpected.isEmpty() ? 0 : 1);
    }

    /** Runs every step; returns the steps (exit code and command line) that ended with an unexpected code. */
    static List<String> run(Path work, Path firmware) throws IOException {
        List<String> unexpected = new ArrayList<>();
        for (String step : steps()) {
            String[] fields = step.split("\\s+");
            List<String> expected = Arrays.asList(fields[0].split(","));
            // placeholders are replaced after the split, so paths with spaces stay one argument
            String[] argv = Arrays.stream(fields, 1, fields.length)
                    .map(f -> f.replace("{work}", work.toString()).replace("{firmware}", firmware.toString()))
                    .toArray(String[]::new);
            int code = Main.run(argv);
            if (!expected.contains(Integer.toString(code))) {
                unexpected.add(code + ": iotb " + String.join(" ", argv));
            }
        }
        return unexpected;
    }

    static List<String> steps() throws IOException {
        List<String> steps = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ClassDataTraining.class.getResourceAsStream(STEPS), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    steps.add(line.strip());
                }
            }
        }
        return steps;
    }
}
