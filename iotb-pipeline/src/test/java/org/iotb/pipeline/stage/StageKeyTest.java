package org.iotb.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageKeyTest {
    private static final Map<String, String> INPUTS = Map.of("image", "ab".repeat(32), "name", "fw.bin");

    @Test
    void theSameInputsGiveTheSameKeyInAnyOrder() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("name", "fw.bin");
        reversed.put("image", "ab".repeat(32));
        assertThat(StageKey.of(Stage.EVIDENCE, "1.0", INPUTS)).isEqualTo(StageKey.of(Stage.EVIDENCE, "1.0", reversed));
        assertThat(StageKey.of(Stage.EVIDENCE, "1.0", INPUTS).hex()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void everyPartOfTheKeyChangesIt() {
        StageKey base = StageKey.of(Stage.EVIDENCE, "1.0", INPUTS);
        assertThat(StageKey.of(Stage.MATCH, "1.0", INPUTS)).isNotEqualTo(base);
        assertThat(StageKey.of(Stage.EVIDENCE, "1.1", INPUTS)).isNotEqualTo(base);
        assertThat(StageKey.of(Stage.EVIDENCE, "1.0", Map.of("image", "ab".repeat(32), "name", "fw2.bin")))
                .isNotEqualTo(base);
        assertThat(StageKey.of(Stage.EVIDENCE, "1.0", Map.of("image", "ab".repeat(32)))).isNotEqualTo(base);
        Map<String, String> absent = new HashMap<>(INPUTS);
        absent.put("vex", null);
        Map<String, String> empty = new HashMap<>(INPUTS);
        empty.put("vex", "");
        assertThat(StageKey.of(Stage.EVIDENCE, "1.0", absent)).isNotEqualTo(base)
                .isNotEqualTo(StageKey.of(Stage.EVIDENCE, "1.0", empty));
    }

    @Test
    void noValueCanPassForTwo() {
        assertThat(StageKey.of(Stage.MATCH, "1.0", Map.of("a", "x\nin.b=y")))
                .isNotEqualTo(StageKey.of(Stage.MATCH, "1.0", Map.of("a", "x", "b", "y")));
    }

    @Test
    void aKeyIsSixtyFourLowercaseHexDigits() {
        assertThatThrownBy(() -> new StageKey("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StageKey("AB".repeat(32))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSnapshotBuildIsIdentifiedByItsJarAndAReleaseByItsVersion() throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.createTempFile("iotb", ".jar");
        try {
            java.nio.file.Files.writeString(jar, "one build");
            String one = BuildIdentity.of("0.1.0-SNAPSHOT", jar);
            java.nio.file.Files.writeString(jar, "another build");
            assertThat(BuildIdentity.of("0.1.0-SNAPSHOT", jar)).startsWith("0.1.0-SNAPSHOT+").isNotEqualTo(one);
            assertThat(BuildIdentity.of("1.0.0", jar)).isEqualTo("1.0.0");
            assertThat(BuildIdentity.of("0.1.0-SNAPSHOT", null)).isEqualTo("0.1.0-SNAPSHOT");
        } finally {
            java.nio.file.Files.delete(jar);
        }
    }
}
