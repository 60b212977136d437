package org.iotb.assess;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.conformance.ConformanceStatement;
import org.iotb.assess.conformance.ConformanceStatements;
import org.iotb.assess.evidence.CrossChecker;
import org.iotb.assess.evidence.UniquenessAnalyzer;
import org.iotb.assess.profile.ProfileInference;
import org.iotb.assess.regulation.PresumptionWarnings;
import org.iotb.assess.regulation.Regulations;
import org.iotb.assess.testrecord.TestRecords;
import org.iotb.assess.verdict.Circumstances;
import org.iotb.assess.verdict.DerivedVerdicts;
import org.iotb.assess.verdict.VerdictEngine;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.ApplicabilityResult;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.applicability.ProductLevel;
import org.iotb.catalog.testspec.TestSpecification;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.model.Finding;
import org.iotb.model.Json;

/**
 * Turns findings + profile + declarations into an {@link Assessment}: derives cross-input evidence
 * (per-unit uniqueness, firmware versus device), fills profile gaps from the firmware, decides applicability
 * and a verdict for every requirement of every standard in the catalog, and totals them. Pure: no I/O.
 */
public final class Assessor {
    /** The {@code source} of findings derived across inputs. */
    public static final String DERIVED_SOURCE = "assessment";

    private final VerdictEngine verdicts = new VerdictEngine();
    private final ProfileInference inference = new ProfileInference();
    private final UniquenessAnalyzer uniqueness = new UniquenessAnalyzer();
    private final CrossChecker crossChecker = new CrossChecker();

    public Assessment assess(AssessmentInput in) {
        return assess(in, List.of());
    }

    /**
     * @param standards the ids of the standards to assess (verdicts, summaries, levels, conformance statements);
     *                  empty means every standard of the catalog
     * @throws IllegalArgumentException when an id is not a standard of the catalog
     */
    public Assessment assess(AssessmentInput in, Collection<String> standards) {
        long start = System.nanoTime();
        Catalog catalog = in.catalog();
        List<Standard> selected = selectStandards(catalog, standards);
        List<String> warnings = new ArrayList<>(in.warnings());
        List<AssessedFinding> findings = new ArrayList<>();
        in.findings().forEach(s -> findings.addAll(s.assessed()));

        List<SourceFindings> units = distinctUnits(in, warnings);
        for (Finding f : uniqueness.analyze(units)) {
            findings.add(AssessedFinding.of(DERIVED_SOURCE, f));
        }
        for (Finding f : crossChecker.check(in.findings())) {
            findings.add(AssessedFinding.of(DERIVED_SOURCE, f));
        }

        ProfileInference.Result inferred = inference.infer(in.profile(), in.findings());
        Profile effective = inferred.apply(in.profile());
        Profile claimed = inferred.claimed(in.profile());
        Declarations declarations = (in.declarations() == null ? Declarations.NONE : in.declarations()).withCarried(in.catalog().crosswalk());
        warnings.addAll(declarations.warnings()); // twins answered differently (crosswalk carry)
        warnings.addAll(in.profile().warnings()); // deprecated profile keys the loader mapped
        ApplicabilityEngine applicability = new ApplicabilityEngine(catalog);
        Map<String, Examination> examinations = new LinkedHashMap<>();
        in.findings().forEach(s -> {
            if (!s.examination().full()) {
                examinations.put(s.inputName(), s.examination());
            }
        });

        List<Verdict> all = new ArrayList<>();
        List<StandardSummary> summary = new ArrayList<>();
        Map<String, StandardLevel> levels = new LinkedHashMap<>();
        for (Standard standard : selected) {
            // evidence outranks claims: applicability on the profile the evidence corrected; where it differs from
            // applicability on the claims, the requirement read a contradicted claim and its verdict says so
            List<ApplicabilityResult> apps = applicabilityOf(applicability, standard, effective, inferred);
            List<ApplicabilityResult> asClaimed = applicabilityOf(applicability, standard, claimed, inferred);
            List<Verdict> ofStandard = new ArrayList<>();
            for (int i = 0; i < apps.size(); i++) {
                ApplicabilityResult a = apps.get(i);
                Requirement r = a.requirement();
                DeclarationRef d = declarationOf(declarations, standard, r);
                List<AssessedFinding> relevant = findings.stream()
                        .filter(f -> CheckIds.matchesAny(r.checks(), f.check())).toList();
                List<String> contradicted = asClaimed.get(i).applies() == a.applies() ? List.of()
                        : contradictedClaims(catalog, standard, r, inferred.contradictions());
                ofStandard.add(verdicts.decide(r, applicable(a.applies()), a.reason(), d, relevant,
                        new Circumstances(contradicted, examinations)));
            }
            all.addAll(ofStandard);
            ProductLevel l = applicability.level(standard, effective);
            if (l != null) {
                levels.put(standard.id(), new StandardLevel(standard.levels().label(), l.level(), l.reason()));
            }
        }
        // a derived view's verdicts come from its sources' verdicts, decided above (docs/assessment.md "Derived verdicts")
        all = DerivedVerdicts.apply(catalog, all);
        for (Standard standard : selected) {
            summary.add(summarise(standard, all.stream().filter(v -> v.standard().equals(standard.id())).toList()));
        }
        warnings.addAll(implicitlySelected(catalog, standards));
        Set<String> ids = new LinkedHashSet<>();
        // an ICS is the manufacturer's statement against a standard's own table: a derived view has none
        selected.stream().filter(s -> !s.derivedView()).forEach(s -> ids.add(s.id()));
        List<ConformanceStatement> conformance = ConformanceStatements.of(catalog, in.profile(), declarations, all).stream()
                .filter(c -> ids.contains(c.standard())).toList();
        conformance = withTestRecords(catalog, conformance, all, findings, examinations);

        Map<String, Long> timings = new LinkedHashMap<>(in.timings());
        timings.put("assess", (System.nanoTime() - start) / 1_000_000);
        ProfileFacts profileFacts = new ProfileFacts(tree(in.profile()), tree(effective), inferred.inferred(),
                inferred.contradictions());
        // regulations assessed (CRA, EN 18031): their notice and the presumption restrictions the profile indicates
        warnings.addAll(PresumptionWarnings.of(Regulations.bundled(), catalog, selected, effective));
        return new Assessment(Assessment.SCHEMA_VERSION, ToolInfo.current(),
                in.createdAt() == null ? Instant.now() : in.createdAt(), product(in.profile(), catalog), in.inputs(),
                profileFacts, levels, findings, all, summary,
                conformance, in.images(), timings, warnings);
    }

    /**
     * Applicability on {@code profile}; where it is undetermined only because the profile leaves a word list
     * (interfaces, features) unknown, the words the evidence shows can make a requirement applicable. They never
     * make one inapplicable: an image that shows BLE says nothing about Wi-Fi.
     */
    private static List<ApplicabilityResult> applicabilityOf(ApplicabilityEngine engine, Standard standard,
                                                             Profile profile, ProfileInference.Result inferred) {
        List<ApplicabilityResult> apps = engine.evaluate(standard, profile);
        Map<String, Object> facts = new LinkedHashMap<>(profile.facts());
        List<String> shown = new ArrayList<>();
        inferred.listGaps().forEach((key, words) -> {
            if (profile.words(key) == null) {
                facts.put(key, words);
                shown.add(key + ": " + String.join(", ", words));
            }
        });
        if (shown.isEmpty()) {
            return apps;
        }
        List<ApplicabilityResult> withInferred = engine.evaluate(standard, new Profile(profile.product(), profile.device(), facts));
        List<ApplicabilityResult> out = new ArrayList<>(apps.size());
        for (int i = 0; i < apps.size(); i++) {
            ApplicabilityResult a = apps.get(i);
            ApplicabilityResult b = withInferred.get(i);
            if (a.applies() == Applies.UNDETERMINED && b.applies() == Applies.YES) {
                out.add(new ApplicabilityResult(b.requirement(), Applies.YES, b.reason() + " ("
                        + (shown.size() == 1 && shown.get(0).startsWith(Profile.INTERFACES + ":")
                        ? "interfaces inferred from the firmware: " + String.join(", ", inferred.interfaces())
                        : "inferred from the evidence: " + String.join("; ", shown)) + ")"));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The contradictions (in words) whose profile key the requirement's applicability reads: its numbered
     * conditions' {@code device.<key>} and the keys of its applies-if-any token kinds.
     */
    private static List<String> contradictedClaims(Catalog catalog, Standard standard, Requirement r,
                                                   List<Contradiction> contradictions) {
        Set<String> keys = new LinkedHashSet<>();
        for (int n : r.conditions()) {
            catalog.conditionsOf(standard).stream().filter(c -> c.number() == n)
                    .forEach(c -> keys.add("device." + c.profileKey()));
        }
        for (String token : r.appliesIfAny()) {
            int colon = token.indexOf(':');
            catalog.tokenKind(colon < 0 ? token : token.substring(0, colon)).ifPresent(k -> keys.add(k.key()));
        }
        List<String> out = new ArrayList<>();
        for (Contradiction c : contradictions) {
            if (keys.contains(c.key())) {
                out.add(c.detail() + " [" + c.check() + "]");
            }
        }
        return out;
    }

    /** Each statement with its standard's TS 103 701 record (EN 303 645 and its crosswalk twins; others: none). */
    private static List<ConformanceStatement> withTestRecords(Catalog catalog, List<ConformanceStatement> statements,
            List<Verdict> verdicts, List<AssessedFinding> findings, Map<String, Examination> examinations) {
        TestRecords records = new TestRecords(catalog, TestSpecification.load());
        return statements.stream().map(c -> c.withTestRecord(records.of(
                verdicts.stream().filter(v -> v.standard().equals(c.standard())).toList(), findings, examinations)))
                .toList();
    }

    /** The manufacturer's declaration for one requirement, or null (one place: carried declarations hook in here). */
    private static DeclarationRef declarationOf(Declarations declarations, Standard standard, Requirement r) {
        return declarations.get(standard.id(), r.id()).map(Assessor::ref).orElse(null);
    }

    /** The word {@code --standard} takes for every standard of the catalog, opt-in ones included. */
    public static final String ALL_STANDARDS = "all";

    /**
     * The standards to assess, in catalog order: those assessed by default when {@code ids} is empty, every one for
     * {@code all}, else the ones named plus the standards the named derived views read (a view's verdicts come from
     * them: {@link #implicitlySelected} says which were added).
     */
    public static List<Standard> selectStandards(Catalog catalog, Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return catalog.standards().stream().filter(Standard::assessedByDefault).toList();
        }
        if (ids.contains(ALL_STANDARDS)) {
            return catalog.standards();
        }
        List<String> unknown = ids.stream().filter(id -> catalog.standard(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown standard " + String.join(", ", unknown) + "; valid: "
                    + String.join(", ", catalog.standards().stream().map(Standard::id).toList()) + ", " + ALL_STANDARDS);
        }
        Set<String> wanted = new LinkedHashSet<>(ids);
        ids.forEach(id -> wanted.addAll(catalog.requireStandard(id).sourceStandards()));
        return catalog.standards().stream().filter(s -> wanted.contains(s.id())).toList();
    }

    /**
     * What {@link #selectStandards} added to {@code ids} because a named derived view reads it, in words (one line
     * per added standard; empty when nothing was added), for the assessment's warnings.
     */
    public static List<String> implicitlySelected(Catalog catalog, Collection<String> ids) {
        if (ids == null || ids.isEmpty() || ids.contains(ALL_STANDARDS)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Standard s : selectStandards(catalog, ids)) {
            if (ids.contains(s.id())) {
                continue;
            }
            List<String> views = ids.stream().filter(id -> catalog.requireStandard(id).sourceStandards().contains(s.id())).toList();
            out.add("standard " + s.id() + " is assessed too: the derived view" + (views.size() == 1 ? " " : "s ")
                    + String.join(", ", views) + " take" + (views.size() == 1 ? "s" : "") + " its verdicts from it");
        }
        return out;
    }

    /**
     * Firmware inputs that are byte-identical (same sha256) are one unit: the same file given twice proves
     * nothing about per-unit uniqueness, and would otherwise look like every secret is shared.
     */
    private static List<SourceFindings> distinctUnits(AssessmentInput in, List<String> warnings) {
        Map<String, String> shaByName = new LinkedHashMap<>();
        for (InputRecord r : in.inputs()) {
            if (r.sha256() != null && r.name() != null) {
                shaByName.put(r.name(), r.sha256());
            }
        }
        Map<String, String> firstBySha = new LinkedHashMap<>();
        List<SourceFindings> out = new ArrayList<>();
        for (SourceFindings s : in.findings()) {
            String sha = s.kind() == InputKind.FIRMWARE ? shaByName.get(s.inputName()) : null;
            if (sha != null && firstBySha.containsKey(sha)) {
                warnings.add("firmware inputs " + firstBySha.get(sha) + " and " + s.inputName() + " are byte-identical;"
                        + " they count as one unit for per-unit uniqueness");
                continue;
            }
            if (sha != null) {
                firstBySha.put(sha, s.inputName());
            }
            out.add(s);
        }
        return out;
    }

    /** The totals of one standard's verdicts (also used when lab observations re-judge verdicts). */
    public static StandardSummary summarise(Standard s, List<Verdict> verdicts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (VerdictValue v : VerdictValue.values()) {
            counts.put(v.id(), 0);
        }
        Map<String, Integer> passesByBasis = new LinkedHashMap<>();
        for (Basis b : Basis.values()) {
            if (b != Basis.NONE) {
                passesByBasis.put(b.id(), 0);
            }
        }
        List<String> mandatoryFailures = new ArrayList<>();
        for (Verdict v : verdicts) {
            counts.merge(v.verdict().id(), 1, Integer::sum);
            if (v.verdict() == VerdictValue.PASS) {
                passesByBasis.merge(v.basis().id(), 1, Integer::sum);
            }
            if (v.verdict() == VerdictValue.FAIL && v.mandatory()) {
                mandatoryFailures.add(v.requirement());
            }
        }
        return new StandardSummary(s.id(), s.title(), s.shortTitle(), s.version(), verdicts.size(), counts,
                passesByBasis, mandatoryFailures);
    }

    private static DeclarationRef ref(Declaration d) {
        String evidence = d.evidence().isEmpty() ? null : String.join("; ", d.evidence());
        return new DeclarationRef(d.support() == null ? null : d.support().name(), d.detail(), evidence, d.carriedFrom());
    }

    private static Applicable applicable(Applies a) {
        return switch (a) {
            case YES -> Applicable.YES;
            case NO -> Applicable.NO;
            case UNDETERMINED -> Applicable.UNDETERMINED;
        };
    }

    private static Product product(Profile p, Catalog catalog) {
        Profile.Product pp = p.product();
        if (pp == null) {
            return new Product(null, null, null, null, null);
        }
        List<String> categories = categories(p, catalog);
        return new Product(pp.name(), pp.manufacturer(), pp.model(), pp.firmwareVersion(),
                categories == null || categories.isEmpty() ? null : String.join(", ", categories));
    }

    /**
     * The product categories the report names: the profile fact that answers "category:" applies-if-any tokens
     * (its key is catalog data: xiaomi.categories in the bundled catalog).
     */
    private static List<String> categories(Profile p, Catalog catalog) {
        return catalog == null ? null : catalog.tokenKind("category").map(k -> p.words(k.key())).orElse(null);
    }

    private static Map<String, Object> tree(Profile p) {
        return p.toTree();
    }

    /**
     * The declared profile an assessment recorded, read back through the catalog's profile loader (so it is
     * validated like a profile file): the JSON tree is YAML, with product.firmwareVersion under its file name.
     */
    public static Profile declaredProfile(Assessment a, Catalog catalog) {
        Map<String, Object> tree = new LinkedHashMap<>(a.profile().declared());
        if (tree.get("product") instanceof Map<?, ?> product) {
            Map<Object, Object> p = new LinkedHashMap<>(product);
            if (p.containsKey("firmwareVersion")) {
                p.put("firmware-version", p.remove("firmwareVersion"));
            }
            tree.put("product", p);
        }
        try {
            return ProfileLoader.parse(Json.mapper().writeValueAsString(tree), "the assessment's declared profile", catalog);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a profile tree", e);
        }
    }

    /** The declarations an assessment recorded, rebuilt from its verdicts. */
    public static Declarations declarations(Assessment a) {
        Map<String, Map<String, Declaration>> by = new LinkedHashMap<>();
        for (Verdict v : a.verdicts()) {
            DeclarationRef d = v.declaration();
            if (d == null || d.support() == null) {
                continue;
            }
            List<String> evidence = d.evidence() == null ? List.of() : List.of(d.evidence().split("; "));
            by.computeIfAbsent(v.standard(), k -> new LinkedHashMap<>()).put(v.requirement(),
                    new Declaration(org.iotb.catalog.declarations.Support.valueOf(d.support()), d.detail(), evidence, d.carriedFrom()));
        }
        return new Declarations(by);
    }

}
