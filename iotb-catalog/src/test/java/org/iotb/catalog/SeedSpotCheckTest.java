package org.iotb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Compares the catalog's facts with the documents themselves (skipped when ../shared/seeds is absent). */
class SeedSpotCheckTest {
    private final Catalog catalog = Catalog.load();

    @Test
    void enStatusesAndConditionsEqualTableB1() throws Exception {
        String text = Seeds.text("Table B.1: Implementation of provisions");
        Pattern row = Pattern.compile("^Provision (\\d+(?:\\.\\d+)?(?:-\\d+)?)\\t(M|R)(?: C)? ?(?:\\(([\\d, ]+)\\))?", Pattern.MULTILINE);
        Matcher m = row.matcher(text);
        Map<String, String[]> table = new LinkedHashMap<>();
        while (m.find()) {
            String id = m.group(1).matches("6\\.\\d") ? m.group(1).replace('.', '-') : m.group(1);
            table.put(id, new String[] {m.group(2), m.group(3) == null ? "" : m.group(3).replace(" ", "")});
        }
        assertThat(table).hasSize(67);
        Standard en = catalog.requireStandard(Catalog.EN_303_645);
        List<String> mismatches = new ArrayList<>();
        table.forEach((id, expected) -> {
            Requirement r = en.requirement(id).orElse(null);
            if (r == null) {
                mismatches.add(id + " missing");
                return;
            }
            String conditions = String.join(",", r.conditions().stream().map(String::valueOf).toList());
            if (!r.status().code().equals(expected[0]) || !conditions.equals(expected[1])) {
                mismatches.add(id + ": catalog " + r.status().code() + " (" + conditions + "), Table B.1 "
                        + expected[0] + " (" + expected[1] + ")");
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void mtsfbLetteredItemsHaveTheModalVerbOfTheirText() throws Exception {
        String text = Seeds.text("MTSFB TC G044");
        Standard mtsfb = catalog.requireStandard(Catalog.MTSFB);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        // 6.1 a)–e) and 7 a)–g): each lettered bullet states one requirement with its own shall/should.
        for (String[] section : new String[][] {{"6.1 No universal default passwords\n", "6.1"},
            {"7. Data protection requirements for consumer IoT\n\nMany", "7"}}) {
            int start = text.lastIndexOf(section[0]);
            assertThat(start).as(section[0]).isPositive();
            String body = text.substring(start, Math.min(text.length(), start + 12000));
            Matcher bullet = Pattern.compile("^- ([a-g])\\) (.*)$", Pattern.MULTILINE).matcher(body);
            while (bullet.find()) {
                String id = section[1] + "(" + bullet.group(1) + ")";
                Requirement r = mtsfb.requirement(id).orElse(null);
                if (r == null) {
                    continue;
                }
                String line = bullet.group(2);
                Status expected = line.contains(" shall ") ? Status.MANDATORY : line.contains(" should ") ? Status.RECOMMENDED : null;
                if (expected != null) {
                    checked++;
                    if (r.status() != expected) {
                        mismatches.add(id + ": catalog " + r.status() + ", text says " + expected);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void xiaomiLevelsEqualAppendixB() throws Exception {
        String text = Seeds.text("Appendix B");
        int start = text.indexOf("The requirements to be met for device of different safety levels");
        assertThat(start).isPositive();
        String table = text.substring(start, text.indexOf("Appendix C", start) > 0 ? text.indexOf("Appendix C", start) : text.length());
        // Rows: "<id>\t<title>\t<cells: Low, Medium, High>\t<conditions>" or "<id> <title>\t..."; the ticks are
        // contiguous up to High, so their count gives the levels (3: all, 2: medium+high, 1: high).
        Pattern row = Pattern.compile("^\\t?(\\d\\.\\d+(?:\\.\\d+)?)[\\t ]([^\\t\\n]+)((?:\\t[^\\t\\n]*)*)$", Pattern.MULTILINE);
        Matcher m = row.matcher(table);
        Standard x = catalog.requireStandard(Catalog.XIAOMI);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        while (m.find()) {
            long ticks = m.group(3).chars().filter(c -> c == '\u221a').count();
            if (ticks == 0) {
                continue;
            }
            List<String> expected = ticks == 3 ? List.of("low", "medium", "high")
                    : ticks == 2 ? List.of("medium", "high") : List.of("high");
            Requirement r = x.requirement(m.group(1)).orElse(null);
            checked++;
            if (r == null) {
                mismatches.add(m.group(1) + " missing");
            } else if (!r.levels().equals(expected)) {
                mismatches.add(m.group(1) + ": catalog " + r.levels() + ", Appendix B " + expected);
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(60);
        assertThat(mismatches).isEmpty();
    }
}
