package org.iotb.sbom.applicability;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.iotb.model.Json;

/**
 * The rules of {@code code-evidence.yaml}: per CVE and component, the strings whose presence proves the fix
 * ({@code fixedBy}), the strings without which the affected code is not built ({@code requires}) and the kernel
 * configuration symbols of the affected subsystem ({@code kernelConfig}).
 */
public final class CodeEvidenceRules {
    private static final String RESOURCE = "/org/iotb/sbom/code-evidence.yaml";

    /** Strings in a component's binaries; {@code files} (name regexes) limits which files may prove an absence. */
    public record Markers(List<String> anyOf, List<String> files, String why) {
        public Markers {
            anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
            files = files == null ? List.of() : List.copyOf(files);
        }

        /** True if a file of this name may serve as evidence (every file when no pattern is given). */
        public boolean appliesTo(String fileName) {
            return files.isEmpty() || files.stream().anyMatch(p -> Pattern.compile(p).matcher(fileName).find());
        }
    }

    /**
     * The upstream release that first contained the affected code ({@code version}), with the change that added it
     * ({@code why}): an identified version before it does not contain that code, whatever range a feed states.
     */
    public record Introduced(String version, String why) {
    }

    /** One rule as written in the data file. */
    public record Rule(String cve, List<String> components, Markers fixedBy, Markers requires, Introduced introducedIn,
            List<String> kernelConfig, List<String> references) {
        public Rule {
            components = components == null ? List.of() : List.copyOf(components);
            kernelConfig = kernelConfig == null ? List.of() : List.copyOf(kernelConfig);
            references = references == null ? List.of() : List.copyOf(references);
        }
    }

    private record File(List<Rule> rules) {
    }

    private final List<Rule> rules;

    public CodeEvidenceRules(List<Rule> rules) {
        for (Rule r : rules) {
            if (r.cve() == null || r.components().isEmpty() || r.references().isEmpty()) {
                throw new IllegalStateException("code evidence rule needs cve, components and references: " + r);
            }
        }
        this.rules = List.copyOf(rules);
    }

    public static CodeEvidenceRules bundled() {
        try (InputStream in = CodeEvidenceRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new CodeEvidenceRules(Json.yaml().readValue(in, new TypeReference<File>() { }).rules());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules about this CVE for this component id, in file order. */
    public List<Rule> about(String cve, String componentId) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.cve().equalsIgnoreCase(cve) && r.components().contains(componentId)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Every marker string of every rule: a binary is searched for all of them in one pass. */
    public Set<String> allMarkers() {
        Set<String> all = new LinkedHashSet<>();
        for (Rule r : rules) {
            for (Markers m : new Markers[] {r.fixedBy(), r.requires()}) {
                if (m != null) {
                    all.addAll(m.anyOf());
                }
            }
        }
        return all;
    }
}
