package org.iotb.catalog.derived;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every truth table (iotb-catalog/src/test/resources/truth/STANDARD.csv: id,title,status,source_url,source_locator;
 * docs/catalog-format.md "Truth tables") against the bundled catalog: the standard's requirements are exactly the
 * table's ids, each with the table's title and status, and every row names its public source. Generic over the
 * files: a new table is checked without code.
 */
class TruthTablesTest {
    static final List<String> HEADER = List.of("id", "title", "status", "source_url", "source_locator");
    private final Catalog catalog = Catalog.load();

    static Path folder() throws URISyntaxException {
        return Path.of(TruthTablesTest.class.getResource("/truth").toURI());
    }

    static List<Path> tables() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachCatalogEqualsItsTruthTable() throws Exception {
        return tables().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private void check(Path file) throws IOException {
        String id = file.getFileName().toString().replaceFirst("\\.csv$", "");
        Standard s = catalog.standard(id).orElse(null);
        assertThat(s).as("truth table %s names a standard of the catalog", file.getFileName()).isNotNull();
        List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).as("header of " + file.getFileName()).isEqualTo(HEADER);
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).as("row %s of %s has five columns", row, id).hasSize(5);
            assertThat(byId.put(row.get(0), row)).as("id %s listed once in %s", row.get(0), id).isNull();
            assertThat(row.get(3)).as("%s %s: source_url", id, row.get(0)).startsWith("https://");
            assertThat(row.get(4)).as("%s %s: source_locator", id, row.get(0)).isNotBlank();
        }
        assertThat(s.requirements()).extracting(Requirement::id).as("ids of " + id).containsExactlyElementsOf(byId.keySet());
        for (Requirement r : s.requirements()) {
            List<String> row = byId.get(r.id());
            assertThat(r.title()).as(r.key() + " title").isEqualTo(row.get(1));
            assertThat(r.status().id()).as(r.key() + " status").isEqualTo(row.get(2));
            if (r.derived() && r.derivation().unverified()) {
                // a row the source did not confirm says so in both places
                assertThat(row.get(4)).as(r.key() + " is unverified in the catalog: its locator says so").contains("unverified");
            }
        }
    }

    @Test
    void everyDerivedViewAndOptInStandardHasATruthTable() throws Exception {
        List<String> tabled = tables().stream().map(p -> p.getFileName().toString().replaceFirst("\\.csv$", "")).toList();
        List<String> needed = catalog.standards().stream().filter(s -> s.derivedView() || !s.assessedByDefault())
                .map(Standard::id).toList();
        assertThat(needed).contains("uk-psti", "au-smart-devices", "sg-cls-level-1", "sg-cls-level-2");
        assertThat(tabled).containsAll(needed);
    }

    @Test
    void theParserReadsQuotedFieldsWithCommasAndQuotes() {
        assertThat(parse("a,\"b, \"\"c\"\"\",d\n1,2,3\n")).containsExactly(List.of("a", "b, \"c\"", "d"), List.of("1", "2", "3"));
    }

    /** RFC 4180 rows (quoted fields may hold commas, doubled quotes and line breaks); blank lines are skipped. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
