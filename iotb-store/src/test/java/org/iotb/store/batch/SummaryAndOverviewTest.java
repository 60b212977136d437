package org.iotb.store.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;

/** The batch's outputs: summary.json's field names (a contract), summary.csv's columns, the overview's counts. */
class SummaryAndOverviewTest {
    static Map<String, Integer> failed(int etsi, int xiaomi) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("etsi-en-303-645", etsi);
        m.put("xiaomi-iot-baseline", xiaomi);
        return m;
    }

    final List<SummaryEntry> entries = List.of(
            new SummaryEntry("vendor-a/cam/fw 1.bin", "a".repeat(64), "done", failed(3, 0), 1.25, false, null),
            new SummaryEntry("=cmd|x.bin", "b".repeat(64), "done", failed(0, 0), 2, true, null),
            new SummaryEntry("vendor-b/x.bin", "c".repeat(64), "failed", Map.of(), 0.5, false, "no input could be examined: \"x\", y"));

    @Test
    void summaryJsonNamesExactlyTheContractFields() throws Exception {
        JsonNode root = Json.mapper().readTree(SummaryWriter.json("1.0", entries));
        List<String> done = new ArrayList<>();
        root.path("images").get(0).fieldNames().forEachRemaining(done::add);
        assertThat(done).containsExactly("image", "sha256", "status", "failedMandatory", "durationSeconds", "reused");
        List<String> failed = new ArrayList<>();
        root.path("images").get(2).fieldNames().forEachRemaining(failed::add);
        assertThat(failed).containsExactly("image", "sha256", "status", "failedMandatory", "durationSeconds", "reused", "detail");
        assertThat(root.path("images").get(0).path("failedMandatory").path("etsi-en-303-645").asInt()).isEqualTo(3);
        assertThat(root.path("totals").path("failed").asInt()).isEqualTo(1);
        assertThat(root.path("totals").path("withFailedMandatory").asInt()).isEqualTo(1);
        assertThat(root.path("totals").path("reused").asInt()).isEqualTo(1);
    }

    @Test
    void summaryCsvHasOneFailedMandatoryColumnPerStandardAndQuotes() {
        List<String> lines = SummaryWriter.csv(entries).lines().toList();
        assertThat(lines.get(0)).isEqualTo("image,sha256,status,failedMandatory.etsi-en-303-645,"
                + "failedMandatory.xiaomi-iot-baseline,durationSeconds,reused,detail");
        assertThat(lines.get(1)).isEqualTo("vendor-a/cam/fw 1.bin," + "a".repeat(64) + ",done,3,0,1.250,false,");
        assertThat(lines.get(2)).as("a formula is defused").startsWith("'=cmd|x.bin,");
        assertThat(lines.get(3)).endsWith(",failed,,,0.500,false,\"no input could be examined: \"\"x\"\", y\"");
    }

    @Test
    void groupsByDirectoryOrByWhatTheRegexCaptures() {
        assertThat(CorpusOverview.group("corpus/vendor-a/cam/fw.bin", null)).isEqualTo("corpus/vendor-a/cam");
        assertThat(CorpusOverview.group("fw.bin", null)).isEqualTo(".");
        assertThat(CorpusOverview.group("corpus/vendor-a/cam/fw.bin", Pattern.compile("corpus/([^/]+)/"))).isEqualTo("vendor-a");
        assertThat(CorpusOverview.group("corpus/vendor-a/cam/fw.bin", Pattern.compile("vendor-."))).isEqualTo("vendor-a");
        assertThat(CorpusOverview.group("other/fw.bin", Pattern.compile("corpus/([^/]+)/"))).isEqualTo("(no match)");
    }

    @Test
    void overviewCountsImagesPerFailureMostCommonFirstAndEscapes() {
        ImageOutcome a = new ImageOutcome(Map.of("s", 2), List.of("s:5.1-1", "s:5.3-2", "s:5.1-1"), List.of("fw.svc.telnet"));
        ImageOutcome b = new ImageOutcome(Map.of("s", 1), List.of("s:5.1-1"), List.of("fw.svc.telnet", "fw.<b>"));
        List<CorpusOverview.Row> rows = List.of(
                new CorpusOverview.Row("v1/a.bin", "v1", true, a),
                new CorpusOverview.Row("v1/b.bin", "v1", true, b),
                new CorpusOverview.Row("v2/c.bin", "v2", false, null));
        var counts = CorpusOverview.counts(rows.subList(0, 2), ImageOutcome::failedRequirements);
        assertThat(counts).extracting(Map.Entry::getKey).containsExactly("s:5.1-1", "s:5.3-2");
        assertThat(counts).extracting(Map.Entry::getValue).as("an image counts once").containsExactly(2, 1);
        String html = CorpusOverview.html(rows);
        assertThat(html).contains("3 images in 2 groups: 2 assessed, 1 could not be assessed")
                .contains("<h3>Group v1</h3>").contains("Not assessed: v2/c.bin")
                .contains("fw.&lt;b&gt;").doesNotContain("fw.<b>").doesNotContain("<script");
    }

    @Test
    void theKeyChangesWithEveryInputAndNotWithTheOrderOfStandards() {
        BatchKey k = new BatchKey("i", "1.0", "p", null, List.of("b", "a"), "v");
        assertThat(k.digest()).hasSize(64).isEqualTo(new BatchKey("i", "1.0", "p", null, List.of("a", "b"), "v").digest());
        assertThat(List.of(new BatchKey("j", "1.0", "p", null, List.of("a", "b"), "v"),
                new BatchKey("i", "1.1", "p", null, List.of("a", "b"), "v"),
                new BatchKey("i", "1.0", "q", null, List.of("a", "b"), "v"),
                new BatchKey("i", "1.0", "p", "d", List.of("a", "b"), "v"),
                new BatchKey("i", "1.0", "p", null, List.of("a"), "v"),
                new BatchKey("i", "1.0", "p", null, List.of("a", "b"), "w")))
                .extracting(BatchKey::digest).doesNotContain(k.digest()).doesNotHaveDuplicates();
    }

    @Test
    void citedPathsThatClimbGetFoldersAbove() {
        assertThat(DeclarationsBundle.climbs("docs/provisioning.md")).isZero();
        assertThat(DeclarationsBundle.climbs("../report.pdf")).isEqualTo(1);
        assertThat(DeclarationsBundle.climbs("a/../../../x/y.pdf")).isEqualTo(2);
    }
}
