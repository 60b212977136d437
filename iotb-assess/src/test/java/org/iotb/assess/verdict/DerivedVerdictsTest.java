package org.iotb.assess.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Applicable;
import org.iotb.assess.Basis;
import org.iotb.assess.DerivedSource;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Crosswalk;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.Status;
import org.iotb.catalog.derived.Derivation;
import org.junit.jupiter.api.Test;

/**
 * The all-of rule of derived verdicts (docs/assessment.md "Derived verdicts"), as properties over every combination
 * of one to three source verdicts with every basis each verdict can have: a derived verdict is never more
 * favourable, nor better founded, than its sources.
 */
class DerivedVerdictsTest {
    /** Each verdict with the bases Basis.of can give it. */
    private static final Map<VerdictValue, List<Basis>> BASES = Map.of(
            VerdictValue.PASS, List.of(Basis.VERIFIED, Basis.DECLARED_CONSISTENT, Basis.DECLARED),
            VerdictValue.FAIL, List.of(Basis.VERIFIED, Basis.DECLARED),
            VerdictValue.NOT_APPLICABLE, List.of(Basis.INFERRED),
            VerdictValue.INCONCLUSIVE, List.of(Basis.NONE),
            VerdictValue.NOT_ASSESSED, List.of(Basis.NONE));

    private record Source(VerdictValue verdict, Basis basis) {
    }

    private static List<Source> outcomes() {
        List<Source> out = new ArrayList<>();
        for (VerdictValue v : VerdictValue.values()) {
            BASES.get(v).forEach(b -> out.add(new Source(v, b)));
        }
        return out;
    }

    private static List<List<Source>> combinations(int n) {
        List<List<Source>> out = new ArrayList<>(List.of(List.of()));
        for (int i = 0; i < n; i++) {
            List<List<Source>> next = new ArrayList<>();
            for (List<Source> prefix : out) {
                for (Source s : outcomes()) {
                    List<Source> l = new ArrayList<>(prefix);
                    l.add(s);
                    next.add(l);
                }
            }
            out = next;
        }
        return out;
    }

    private static Requirement base(String id) {
        return new Requirement("base", id, "1", "c", "Base " + id, "s", Status.MANDATORY, null, null, null, null,
                false, null, null, null);
    }

    private static Verdict verdict(String id, Source s) {
        Applicable a = s.verdict == VerdictValue.NOT_APPLICABLE ? Applicable.NO
                : s.verdict == VerdictValue.INCONCLUSIVE ? Applicable.UNDETERMINED : Applicable.YES;
        return new Verdict("base", id, "1", "c", "Base " + id, "mandatory", a, "", s.verdict, s.basis, "r",
                List.of(), null, false, false, List.of(), null);
    }

    /** The derived verdict of a view requirement reading base requirements s0..s(n-1) with the given verdicts. */
    private static Verdict derive(List<Source> sources) {
        List<Requirement> baseReqs = new ArrayList<>();
        List<Derivation.Source> refs = new ArrayList<>();
        Map<String, Verdict> byKey = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            baseReqs.add(base("s" + i));
            refs.add(new Derivation.Source("base", "s" + i));
            byKey.put("base:s" + i, verdict("s" + i, sources.get(i)));
        }
        Requirement view = new Requirement("view", "V", "S1", "c", "View", "s", Status.MANDATORY, null, null, null,
                null, false, null, null, null, Map.of(), new Derivation(refs, Derivation.ALL_OF, "because", null, null));
        Catalog c = new Catalog(List.of(new Standard("base", "Base", "B", "1", null, null, null, null, baseReqs),
                new Standard("view", "View", "V", "1", null, null, null, null, List.of(view), false, "indicative")),
                new Crosswalk(Map.of()));
        return DerivedVerdicts.derive(c, view, byKey);
    }

    /** How favourable a verdict is among applicable outcomes: fail < undecided < pass. */
    private static int favour(VerdictValue v) {
        return switch (v) {
            case FAIL -> 0;
            case INCONCLUSIVE, NOT_ASSESSED -> 1;
            case PASS -> 2;
            case NOT_APPLICABLE -> 3;
        };
    }

    @Test
    void aDerivedVerdictIsNeverMoreFavourableNorBetterFoundedThanItsSources() {
        int checked = 0;
        for (int n = 1; n <= 3; n++) {
            for (List<Source> sources : combinations(n)) {
                Verdict d = derive(sources);
                String as = sources.toString() + " -> " + d.verdict() + "/" + d.basis();
                List<VerdictValue> vs = sources.stream().map(Source::verdict).toList();
                // it says where it came from, source by source
                assertThat(d.derivedFrom()).as(as).extracting(DerivedSource::verdict).containsExactlyElementsOf(vs);
                assertThat(d.derivedFrom()).as(as).extracting(DerivedSource::basis)
                        .containsExactlyElementsOf(sources.stream().map(Source::basis).toList());
                assertThat(d.reason()).as(as).startsWith("derived from B s0");
                if (d.verdict() == VerdictValue.PASS) {
                    // a pass never has a failing or undecided source, and at least one source passes
                    assertThat(vs).as(as).allMatch(v -> v == VerdictValue.PASS || v == VerdictValue.NOT_APPLICABLE)
                            .contains(VerdictValue.PASS);
                }
                assertThat(d.verdict() == VerdictValue.NOT_APPLICABLE).as(as)
                        .isEqualTo(vs.stream().allMatch(v -> v == VerdictValue.NOT_APPLICABLE));
                assertThat(d.verdict() == VerdictValue.FAIL).as(as).isEqualTo(vs.contains(VerdictValue.FAIL));
                if (d.verdict() != VerdictValue.NOT_APPLICABLE) {
                    int worst = vs.stream().filter(v -> v != VerdictValue.NOT_APPLICABLE).mapToInt(DerivedVerdictsTest::favour).min().orElseThrow();
                    assertThat(favour(d.verdict())).as(as).isLessThanOrEqualTo(worst);
                }
                // never better founded than the sources that carry its verdict (Basis lists the strongest first)
                int weakest = sources.stream().filter(s -> s.verdict == d.verdict()).mapToInt(s -> s.basis.ordinal()).max().orElse(Basis.NONE.ordinal());
                assertThat(d.basis().ordinal()).as(as).isGreaterThanOrEqualTo(weakest);
                assertThat(d.applicable() == Applicable.NO).as(as).isEqualTo(d.verdict() == VerdictValue.NOT_APPLICABLE);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(8 + 64 + 512); // 8 verdict/basis outcomes per source
    }

    @Test
    void aPassAlongsideASourceThatDoesNotApplyRestsOnThePassingSource() {
        Verdict d = derive(List.of(new Source(VerdictValue.PASS, Basis.DECLARED_CONSISTENT),
                new Source(VerdictValue.NOT_APPLICABLE, Basis.INFERRED)));
        assertThat(d.verdict()).isEqualTo(VerdictValue.PASS);
        assertThat(d.basis()).isEqualTo(Basis.DECLARED_CONSISTENT);
        assertThat(d.reason()).isEqualTo("derived from B s0, s1 (all-of): every source passes or does not apply;"
                + " s0 pass (declared+consistent), s1 not-applicable (inferred)");
    }

    @Test
    void aVerifiedAndADeclaredPassGiveADeclaredPassAndAMissingSourceIsNotAssessed() {
        assertThat(derive(List.of(new Source(VerdictValue.PASS, Basis.VERIFIED), new Source(VerdictValue.PASS, Basis.DECLARED))).basis())
                .isEqualTo(Basis.DECLARED);
        Requirement view = new Requirement("view", "V", "S1", "c", "View", "s", Status.MANDATORY, null, null, null,
                null, false, null, null, null, Map.of(),
                new Derivation(List.of(new Derivation.Source("base", "gone")), Derivation.ALL_OF, "because", null, null));
        Catalog c = new Catalog(List.of(new Standard("view", "View", "V", "1", null, null, null, null, List.of(view))), new Crosswalk(Map.of()));
        Verdict d = DerivedVerdicts.derive(c, view, Map.of());
        assertThat(d.verdict()).isEqualTo(VerdictValue.NOT_ASSESSED);
        assertThat(d.applicable()).isEqualTo(Applicable.UNDETERMINED);
    }
}
