package org.iotb.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageCodecTest {
    private static final StageKey KEY = StageKey.of(Stage.MATCH, "test", Map.of("a", "b"));

    /** Text as firmware gives it: UTF-8, Latin-1, control bytes, text cut inside a character, long text. */
    private static final List<String> RAW = List.of("plain ascii", "caf\u00c3\u00a9 (UTF-8 bytes)", "caf\u00e9 (Latin-1 byte)",
            "tab\tand\u0001control\u007f", "\u00e6\u0099\u00ba\u00e8\u0083\u00bd", "\u00e6\u0099\u00ba\u00e8\u0083",
            "already decoded \u667a\u80fd", "x".repeat(300) + "\u00c3\u00a9", "\u00c3\u00a9".repeat(200), "\u0085\u0099");

    @Test
    void evidenceReadBackIsTheEvidenceWritten() throws Exception {
        for (String raw : RAW) {
            Evidence e = new Evidence("etc/x", 12L, 3, raw, null, null, "10.0.0.1", 80, "http", raw, raw);
            Evidence back = StageCodec.read(StageCodec.json(e), Evidence.class);
            assertThat(back).as(raw).isEqualTo(e);
            // what the plain mapper does to the same evidence: the reason for the codec's own reader
            if (raw.startsWith("caf\u00c3")) {
                assertThat(org.iotb.model.Json.mapper().readValue(StageCodec.json(e), Evidence.class)).isNotEqualTo(e);
            }
        }
    }

    @Test
    void anOutputRoundTripsThroughItsEnvelope() throws Exception {
        Finding f = new Finding("fw.cert.weak", Outcome.FAIL, Severity.MEDIUM, "1 weak certificate(s)",
                List.of(Evidence.file("etc/ssl/dev.pem").withExcerpt("CN=caf\u00c3\u00a9: expired")), Map.of("n", 1));
        StageOutputs.Match m = new StageOutputs.Match(List.of(f), null);
        byte[] stored = StageCodec.encode(Stage.MATCH, KEY, m);
        assertThat(StageCodec.decode(Stage.MATCH, KEY, stored, StageOutputs.Match.class)).isEqualTo(m);
        assertThat(new String(stored, StandardCharsets.UTF_8)).startsWith("{\"iotbStage\":\"match\",\"format\":"
                + StageCodec.FORMAT + ",\"key\":\"" + KEY.hex() + "\"");
    }

    @Test
    void anythingElseIsRejectedWithTheReason() {
        byte[] stored = StageCodec.encode(Stage.MATCH, KEY, new StageOutputs.Match(List.of(), null));
        StageKey other = StageKey.of(Stage.MATCH, "test", Map.of("a", "c"));
        assertThatThrownBy(() -> StageCodec.decode(Stage.MATCH, other, stored, StageOutputs.Match.class))
                .isInstanceOf(StageCodec.Rejected.class).hasMessageStartingWith("stored under another key");
        assertThatThrownBy(() -> StageCodec.decode(Stage.VERDICTS, KEY, stored, StageOutputs.Match.class))
                .hasMessage("the output of stage 'match', not 'verdicts'");
        assertThatThrownBy(() -> StageCodec.decode(Stage.MATCH, KEY, java.util.Arrays.copyOf(stored, stored.length - 1),
                StageOutputs.Match.class)).hasMessageStartingWith("truncated or corrupted");
        assertThatThrownBy(() -> StageCodec.decode(Stage.MATCH, KEY, java.util.Arrays.copyOf(stored, 20),
                StageOutputs.Match.class)).hasMessage("not a stage output (no header line)");
        assertThatThrownBy(() -> StageCodec.decode(Stage.MATCH, KEY, new byte[0], StageOutputs.Match.class))
                .hasMessage("not a stage output (no header line)");
        byte[] otherFormat = new String(stored, StandardCharsets.UTF_8).replace("\"format\":" + StageCodec.FORMAT,
                "\"format\":0").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StageCodec.decode(Stage.MATCH, KEY, otherFormat, StageOutputs.Match.class))
                .hasMessage("format 0, this iotb reads format " + StageCodec.FORMAT);
    }

    @Test
    void aDirectoryStoreKeepsWholeOutputsByKey(@TempDir Path dir) throws Exception {
        DirectoryStageStore store = new DirectoryStageStore(dir.resolve("cache"));
        assertThat(store.get(KEY)).isEmpty();
        store.put(KEY, new byte[] {1, 2, 3});
        assertThat(store.get(KEY)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(store.file(KEY)).isEqualTo(dir.resolve("cache").resolve(KEY.hex().substring(0, 2))
                .resolve(KEY.hex() + ".json"));
        store.put(KEY, new byte[] {4});
        assertThat(store.get(KEY)).hasValueSatisfying(b -> assertThat(b).containsExactly(4));
        try (var files = java.nio.file.Files.list(store.file(KEY).getParent())) {
            assertThat(files).hasSize(1); // no temporary file left behind
        }
    }
}
