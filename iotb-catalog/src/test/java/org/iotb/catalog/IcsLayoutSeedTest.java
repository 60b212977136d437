package org.iotb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.catalog.conformance.IcsLayout;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 item 6: the EN 303 645 statement writes references, statuses, clause headings and the conditions
 * legend exactly as Annex B Table B.1 writes them (checked against the document in ../shared/seeds).
 */
class IcsLayoutSeedTest {
    private final Catalog catalog = Catalog.load();

    @Test
    void referencesStatusesHeadingsAndLegendAreWrittenAsTableB1WritesThem() throws Exception {
        String text = Seeds.text("Table B.1: Implementation of provisions");
        String table = text.substring(text.indexOf("Table B.1: Implementation of provisions"), text.indexOf("\nHistory", text.indexOf("Table B.1: Implementation of provisions")));
        Standard en = catalog.requireStandard(Catalog.EN_303_645);
        IcsLayout layout = IcsLayout.of(en.id());

        List<String> written = new ArrayList<>();
        Matcher row = Pattern.compile("^(Provision \\S+)\\t([^\\t]+?)\\t", Pattern.MULTILINE).matcher(table);
        while (row.find()) {
            written.add(row.group(1) + " | " + row.group(2).trim());
        }
        List<String> ours = en.requirements().stream().map(r -> layout.referenceOf(r) + " | " + layout.statusOf(r)).toList();
        assertThat(ours).containsExactlyElementsOf(written);

        List<String> headings = new ArrayList<>();
        Matcher h = Pattern.compile("^(\\d+(?:\\.\\d+)? [A-Z][^\\t]+)\\t", Pattern.MULTILINE).matcher(table);
        while (h.find()) {
            headings.add(h.group(1).trim());
        }
        List<String> ourHeadings = en.requirements().stream().map(r -> r.clause() + " " + r.clauseTitle()).distinct().toList();
        assertThat(ourHeadings).containsExactlyElementsOf(headings);

        String legend = table.substring(table.indexOf("Conditions"));
        for (String c : layout.conditions()) {
            assertThat(legend).contains(" " + c);
        }
        assertThat(layout.conditions()).hasSize(13);
        assertThat(layout.table()).isEqualTo("Table B.1: Implementation of provisions for consumer IoT security");
    }
}
