package org.iotb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Help that reads well: descriptions are written as annotation lines split wherever the source line was long, and
 * picocli prints each element on a line of its own (and the first alone in the command list), so a sentence was cut
 * in the middle. {@link #tidy} joins the pieces of a sentence back into one paragraph, which picocli then wraps at
 * the screen width; indented lines (examples) and blank lines stay as written.
 *
 * <p>A mistyped option gets the nearest real one ("Did you mean --format?"): picocli's own suggestions only
 * list options sharing the first two letters, which misses the usual typo (a swapped or missing letter).
 */
final class HelpText {
    private HelpText() {
    }

    /** Joins the sentence pieces of every command's description, recursively. */
    static void tidy(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        String[] description = spec.usageMessage().description();
        if (description.length > 1) {
            spec.usageMessage().description(joinSentences(description));
        }
        cl.getSubcommands().values().forEach(HelpText::tidy);
    }

    static String[] joinSentences(String[] lines) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            boolean standsAlone = line.isBlank() || Character.isWhitespace(line.charAt(0));
            if (standsAlone) {
                if (current != null) {
                    out.add(current.toString());
                    current = null;
                }
                out.add(line);
                continue;
            }
            if (current == null) {
                current = new StringBuilder(line);
            } else {
                current.append(' ').append(line);
            }
            if (endsParagraph(current.toString())) {
                out.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out.toArray(String[]::new);
    }

    /**
     * A paragraph ends with a sentence, or with a colon that introduces what follows ("Examples:"); a colon inside
     * an open parenthesis ("(in the bundled catalog:") is the middle of a sentence.
     */
    private static boolean endsParagraph(String paragraph) {
        String t = paragraph.strip();
        if (t.isEmpty()) {
            return true;
        }
        char last = t.charAt(t.length() - 1);
        long open = t.chars().filter(c -> c == '(').count() - t.chars().filter(c -> c == ')').count();
        return last == '.' || last == '!' || last == '?' || (last == ':' && open <= 0);
    }

    /** Picocli's handler for bad arguments, plus the nearest option to a mistyped one. */
    static int onBadArguments(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(ex.getMessage());
        boolean suggested = false;
        if (ex instanceof UnmatchedArgumentException unmatched) {
            for (String arg : unmatched.getUnmatched()) {
                String nearest = arg.startsWith("-") ? nearestOption(cmd.getCommandSpec(), arg) : null;
                if (nearest != null) {
                    err.println("Did you mean " + nearest + "?");
                    suggested = true;
                }
            }
            if (!suggested) {
                suggested = UnmatchedArgumentException.printSuggestions(unmatched, err);
            }
        }
        if (suggested) {
            err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for every option.");
        } else {
            cmd.usage(err);
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The option name closest to what was typed (edit distance at most a third of its length, at least 2). */
    static String nearestOption(CommandSpec spec, String typed) {
        int eq = typed.indexOf('=');
        String name = (eq > 0 ? typed.substring(0, eq) : typed).toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            for (String candidate : o.names()) {
                int d = distance(name, candidate.toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
        }
        int allowed = Math.max(2, name.replaceFirst("^-+", "").length() / 3);
        return best != null && bestDistance > 0 && bestDistance <= allowed ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
