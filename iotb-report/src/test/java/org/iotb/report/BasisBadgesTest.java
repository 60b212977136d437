package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.assess.Basis;
import org.iotb.report.html.Labels;
import org.junit.jupiter.api.Test;

/**
 * The basis badges of the report's stylesheet: each a text colour on a background with WCAG AA contrast (4.5:1
 * for normal text), a border style that tells declared from verified without colour, and words of its own.
 */
class BasisBadgesTest {
    private static final Pattern RULE = Pattern.compile("\\.(b-[a-z-]+|conflict-badge)\\s*\\{([^}]*)}");

    private static Map<String, Map<String, String>> rules() {
        Map<String, Map<String, String>> out = new HashMap<>();
        Matcher m = RULE.matcher(HtmlReport.css());
        while (m.find()) {
            Map<String, String> props = new HashMap<>();
            for (String decl : m.group(2).split(";")) {
                int colon = decl.indexOf(':');
                if (colon > 0) {
                    props.put(decl.substring(0, colon).trim(), decl.substring(colon + 1).trim());
                }
            }
            out.put(m.group(1), props);
        }
        return out;
    }

    @Test
    void everyBadgeHasAaContrastADistinctBorderAndDistinctWords() {
        Map<String, Map<String, String>> rules = rules();
        Set<String> words = new HashSet<>();
        for (Basis b : new Basis[] {Basis.VERIFIED, Basis.DECLARED_CONSISTENT, Basis.DECLARED, Basis.INFERRED}) {
            Map<String, String> r = rules.get("b-" + BasisText.cssId(b));
            assertThat(r).as(b.id()).isNotNull();
            assertThat(contrast(r.get("color"), r.get("background"))).as(b.id()).isGreaterThanOrEqualTo(4.5);
            assertThat(Labels.basisBadge(b)).contains(">" + BasisText.label(b) + "</span>");
            assertThat(words.add(BasisText.label(b))).isTrue();
        }
        assertThat(rules.get("b-verified").get("border-style")).isEqualTo("solid");
        assertThat(rules.get("b-declared").get("border-style")).isNotEqualTo("solid");
        assertThat(rules.get("b-declared-consistent").get("border-style")).isNotEqualTo("solid");
        Map<String, String> conflict = rules.get("conflict-badge");
        assertThat(contrast(conflict.get("color"), conflict.get("background"))).isGreaterThanOrEqualTo(4.5);
        assertThat(Labels.basisBadge(Basis.NONE)).isEmpty();
    }

    @Test
    void contrastFormulaMatchesKnownValues() {
        assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
    }

    /** WCAG 2.x contrast ratio of two #rrggbb colours. */
    static double contrast(String fg, String bg) {
        double a = luminance(fg);
        double b = luminance(bg);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        assertThat(hex).matches("#[0-9a-fA-F]{6}");
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int c) {
        double s = (c & 0xff) / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
