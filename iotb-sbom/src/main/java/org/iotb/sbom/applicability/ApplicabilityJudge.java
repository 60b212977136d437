package org.iotb.sbom.applicability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.sbom.Component;
import org.iotb.sbom.applicability.CodeEvidenceRules.Markers;
import org.iotb.sbom.applicability.CodeEvidenceRules.Rule;
import org.iotb.sbom.version.Version;
import org.iotb.sbom.vuln.VulnMatch;

/**
 * Decides, from the image's own code, whether a CVE matched by version applies: the fix's marker strings in the
 * component's binaries ({@link Applicability.State#RESOLVED}), or the affected code absent — its strings missing from
 * every binary, or its kernel subsystem not configured ({@link Applicability.State#NOT_AFFECTED},
 * {@code code_not_present}). Without such evidence it says nothing and the match stays as version matching left it.
 *
 * <p>The binaries examined are the files the component was identified in (its evidence paths); the kernel
 * configuration is read from the kernel's own files (the IKCONFIG block) or from a {@code .config} /
 * {@code config.gz} copy in the tree, and used only when every configuration found agrees.
 */
public final class ApplicabilityJudge {
    /** File names a kernel configuration is kept under: /boot/config-6.1.0-41-armmp, config.gz, .config. */
    private static final Pattern CONFIG_NAME = Pattern.compile(
            "^(\\.config|config|config\\.gz|config-.+|kernel[-_.]?config.*|.+\\.config)$");
    /** Kernel image names worth searching for an IKCONFIG block besides the kernel's evidence files. */
    private static final Pattern KERNEL_NAME = Pattern.compile("^(vmlinux.*|vmlinuz.*|Image|zImage|uImage|bzImage|kernel.*)$");
    private static final long MAX_CONFIG_FILE = 8L << 20;

    private final CodeEvidenceRules rules;
    private final FileTree tree;
    private final BinaryMarkers markers;
    private List<KernelConfig> kernelConfigs;
    private String kernelConfigsFor;
    /** Decisions made earlier on the image's tree (null: decide here, from the rules and the tree). */
    private final java.util.function.BiFunction<Component, String, Optional<Applicability>> recorded;

    private ApplicabilityJudge(CodeEvidenceRules rules, FileTree tree) {
        this.rules = rules;
        this.tree = tree;
        this.markers = tree == null ? null : new BinaryMarkers(tree, rules.allMarkers());
        this.recorded = null;
    }

    private ApplicabilityJudge(java.util.function.BiFunction<Component, String, Optional<Applicability>> recorded) {
        this.rules = null;
        this.tree = null;
        this.markers = null;
        this.recorded = recorded;
    }

    /**
     * A judge that answers from decisions another judge made earlier on the image's tree (what {@link #judge} said
     * for each rule's CVE and component): the staged pipeline stores them with an image's evidence, so the
     * vulnerability match can run again on new data without the unpacked tree.
     */
    public static ApplicabilityJudge recorded(
            java.util.function.BiFunction<Component, String, Optional<Applicability>> decisions) {
        return new ApplicabilityJudge(java.util.Objects.requireNonNull(decisions, "decisions"));
    }

    /** A judge that reads this unpacked tree with the bundled rules. */
    public static ApplicabilityJudge of(FileTree tree) {
        return new ApplicabilityJudge(CodeEvidenceRules.bundled(), tree);
    }

    public static ApplicabilityJudge of(FileTree tree, CodeEvidenceRules rules) {
        return new ApplicabilityJudge(rules, tree);
    }

    /** A judge without an image (an SBOM checked on its own): only the version rules ({@code introducedIn}) decide. */
    public static ApplicabilityJudge none() {
        return new ApplicabilityJudge(CodeEvidenceRules.bundled(), null);
    }

    /**
     * The match as the image's code decides it: overruled ({@link VulnMatch#decidedBy}) when the code proves a fix or
     * absent code, as it was otherwise — and always as it was when the distribution already fixed it.
     */
    public VulnMatch decide(Component c, VulnMatch m) {
        if (m.basis() == VulnMatch.Basis.DISTRO_FIXED) {
            return m;
        }
        return judge(c, m.vulnerability().cveId()).map(m::decidedBy).orElse(m);
    }

    /** What the image's code proves about this CVE in this component, if anything. */
    public Optional<Applicability> judge(Component c, String cve) {
        if (c == null || cve == null) {
            return Optional.empty();
        }
        if (recorded != null) {
            return recorded.apply(c, cve);
        }
        for (Rule r : rules.about(cve, c.id())) {
            Optional<Applicability> a = judge(r, c);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    private Optional<Applicability> judge(Rule r, Component c) {
        // the version rule needs no file; the others read the tree, which an SBOM checked on its own lacks
        if (r.introducedIn() != null && c.hasVersion() && Version.isComparable(c.version())
                && Version.parse(c.version()).isBefore(Version.parse(r.introducedIn().version()))) {
            List<Evidence> ev = c.evidence().isEmpty() ? List.of()
                    : List.of(c.evidence().get(0).withExcerpt(c.name() + " " + c.version() + " predates "
                    + r.introducedIn().version() + ": " + c.evidence().get(0).excerpt()));
            return Optional.of(new Applicability(Applicability.State.NOT_AFFECTED, Applicability.CODE_NOT_PRESENT,
                    c.version() + " predates " + r.introducedIn().version() + ", " + r.introducedIn().why(), ev,
                    r.references()));
        }
        if (tree == null) {
            return Optional.empty();
        }
        List<String> files = binaries(c);
        if (r.fixedBy() != null && !files.isEmpty()) {
            Optional<Applicability> fixed = fixedBy(r, r.fixedBy(), files);
            if (fixed.isPresent()) {
                return fixed;
            }
        }
        if (r.requires() != null && !files.isEmpty()) {
            Optional<Applicability> absent = requires(r, r.requires(), files);
            if (absent.isPresent()) {
                return absent;
            }
        }
        if (!r.kernelConfig().isEmpty()) {
            return kernelConfig(r, c);
        }
        return Optional.empty();
    }

    /** Every examined binary holds a fix marker: resolved. One file without it (or unreadable) decides nothing. */
    private Optional<Applicability> fixedBy(Rule r, Markers m, List<String> files) {
        List<Evidence> ev = new ArrayList<>();
        for (String f : files) {
            Optional<Map<String, Long>> found = markers.in(f);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> hit = m.anyOf().stream().filter(found.get()::containsKey).findFirst();
            if (hit.isEmpty()) {
                return Optional.empty();
            }
            ev.add(Evidence.offset(f, found.get().get(hit.get()), hit.get()));
        }
        return Optional.of(new Applicability(Applicability.State.RESOLVED, null, m.why(), ev, r.references()));
    }

    /** No examined binary (of the kinds that can prove an absence) holds any required string: not affected. */
    private Optional<Applicability> requires(Rule r, Markers m, List<String> files) {
        List<Evidence> ev = new ArrayList<>();
        for (String f : files) {
            if (!m.appliesTo(f.substring(f.lastIndexOf('/') + 1))) {
                continue;
            }
            Optional<Map<String, Long>> found = markers.in(f);
            if (found.isEmpty() || m.anyOf().stream().anyMatch(found.get()::containsKey)) {
                return Optional.empty();
            }
            ev.add(Evidence.file(f).withExcerpt("none of: " + String.join(", ", m.anyOf())));
        }
        if (ev.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Applicability(Applicability.State.NOT_AFFECTED, Applicability.CODE_NOT_PRESENT,
                m.why(), ev, r.references()));
    }

    private Optional<Applicability> kernelConfig(Rule r, Component kernel) {
        List<KernelConfig> configs = kernelConfigs(kernel);
        if (configs.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> ev = new ArrayList<>();
        for (KernelConfig k : configs) {
            if (r.kernelConfig().stream().anyMatch(k::built)) {
                return Optional.empty();
            }
            ev.add(new Evidence(k.source(), null, null, String.join("; ", r.kernelConfig().stream().map(k::line)
                    .toList()), null, null, null, null, null, null, null));
        }
        String why = "is built without " + String.join(" / ", r.kernelConfig()) + " (kernel configuration)";
        return Optional.of(new Applicability(Applicability.State.NOT_AFFECTED, Applicability.CODE_NOT_PRESENT, why,
                ev, r.references()));
    }

    /** The component's files that can be read for markers: its evidence paths that are regular files of the tree. */
    private List<String> binaries(Component c) {
        Set<String> out = new LinkedHashSet<>();
        for (Evidence e : c.evidence()) {
            if (e.path() != null && markers.file(e.path()).filter(f -> f.kind() != org.iotb.firmware.tree.FileKind.TEXT
                    && f.kind() != org.iotb.firmware.tree.FileKind.CONFIG).isPresent()) {
                out.add(e.path());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Every kernel configuration the image reveals: IKCONFIG blocks in the kernel's own files and in kernel image
     * files, and kernel .config texts (plain or gzip) anywhere in the tree.
     */
    private List<KernelConfig> kernelConfigs(Component kernel) {
        if (kernelConfigs != null && kernel.id().equals(kernelConfigsFor)) {
            return kernelConfigs;
        }
        List<KernelConfig> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Evidence e : kernel.evidence()) {
            if (e.path() != null && seen.add(e.path())) {
                tree.file(e.path()).flatMap(markers::bytes)
                        .flatMap(b -> KernelConfig.fromKernelImage(b, e.path())).ifPresent(found::add);
            }
        }
        for (TreeFile f : tree.files()) {
            if (seen.contains(f.path()) || f.size() > MAX_CONFIG_FILE && !KERNEL_NAME.matcher(f.name()).matches()) {
                continue;
            }
            String name = f.name().toLowerCase(Locale.ROOT);
            if (CONFIG_NAME.matcher(name).matches()) {
                Optional<byte[]> b = markers.bytes(f);
                if (b.isEmpty()) {
                    continue;
                }
                (name.endsWith(".gz") ? KernelConfig.fromGzip(b.get(), f.path())
                        : KernelConfig.parse(new String(b.get(), StandardCharsets.ISO_8859_1), f.path()))
                        .ifPresent(found::add);
            } else if (KERNEL_NAME.matcher(f.name()).matches()) {
                markers.bytes(f).flatMap(b -> KernelConfig.fromKernelImage(b, f.path())).ifPresent(found::add);
            }
        }
        kernelConfigs = List.copyOf(found);
        kernelConfigsFor = kernel.id();
        return kernelConfigs;
    }
}
