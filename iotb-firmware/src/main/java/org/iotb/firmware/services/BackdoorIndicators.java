package org.iotb.firmware.services;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.StringHit;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Json;

/**
 * Known vendor backdoors and manufacturing modes, as data (data/backdoor-indicators.yaml): strings such as a magic
 * packet word or a web handler that starts telnetd, each with the public reference that names it. Binaries are
 * searched through their printable strings, text files line by line; bounded by {@link #MAX_FILES} files and
 * {@link FileTree#MAX_READ} bytes per file.
 */
public final class BackdoorIndicators {
    static final int MAX_FILES = 20000;
    private static final List<Indicator> ALL = load();

    /** One indicator: fires when a file holds one of {@code strings}. */
    public record Indicator(String id, String check, String vendor, String what, List<String> strings,
                            String reference, List<String> see) { }

    private BackdoorIndicators() {
    }

    public static List<Indicator> all() {
        return ALL;
    }

    /** The indicators reported by {@code check}. */
    public static List<Indicator> forCheck(String check) {
        return ALL.stream().filter(i -> i.check().equals(check)).toList();
    }

    /** Evidence of each of {@code indicators} in the tree: one item per indicator and file (the first string hit). */
    public static List<Evidence> find(FileTree tree, List<Indicator> indicators) {
        List<Evidence> out = new ArrayList<>();
        if (indicators.isEmpty()) {
            return out;
        }
        int files = 0;
        for (TreeFile f : tree.files()) {
            boolean binary = f.kind() == FileKind.ELF || f.kind() == FileKind.BINARY;
            if (!binary && !f.isText() || f.size() == 0) {
                continue;
            }
            if (++files > MAX_FILES) {
                break;
            }
            for (Indicator ind : indicators) {
                Evidence e = binary ? inStrings(tree, f, ind) : inLines(tree, f, ind);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static Evidence inStrings(FileTree tree, TreeFile f, Indicator ind) {
        for (StringHit s : tree.strings(f)) {
            for (String needle : ind.strings()) {
                if (s.text().contains(needle)) {
                    return Evidence.offset(f.path(), s.offset(), describe(ind, needle, s.text()));
                }
            }
        }
        return null;
    }

    private static Evidence inLines(FileTree tree, TreeFile f, Indicator ind) {
        List<String> lines = tree.lines(f);
        for (int i = 0; i < lines.size(); i++) {
            for (String needle : ind.strings()) {
                if (lines.get(i).contains(needle)) {
                    return Evidence.line(f.path(), i + 1, describe(ind, needle, lines.get(i)));
                }
            }
        }
        return null;
    }

    private static String describe(Indicator ind, String needle, String text) {
        return ind.vendor() + ": " + ind.what() + " — string '" + needle + "' in: " + Results.excerpt(text.strip())
                + " (" + ind.reference() + ")";
    }

    private static List<Indicator> load() {
        try (InputStream in = BackdoorIndicators.class.getResourceAsStream(
                "/org/iotb/firmware/data/backdoor-indicators.yaml")) {
            return List.copyOf(Json.yaml().readValue(in, new TypeReference<List<Indicator>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
