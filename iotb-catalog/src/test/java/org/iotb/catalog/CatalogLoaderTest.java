package org.iotb.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog directory of one's own: levels, token kinds and crosswalk targets are read from it, and checked. */
class CatalogLoaderTest {
    private static final String STANDARD = """
            id: mini
            title: Mini
            short-title: Mini
            version: "1"
            levels:
              scale: [one, two]
              label: Mini level
              profile-section: mini
              inputs:
                - {key: size, values: [{value: small, level: one}, {value: big, level: two}]}
            requirements:
              - {id: "M-1", title: A, summary: A, status: mandatory, levels: [%s]}
            """;

    private static Path catalog(Path dir, String levels, String crosswalk) throws IOException {
        Files.writeString(dir.resolve("index.yaml"), "standards: [mini.yaml]\n" + (crosswalk == null ? "" : "crosswalk: cw.yaml\n")
                + "token-kinds:\n  - {token: port, key: ports, list: true, words: [usb]}\n");
        Files.writeString(dir.resolve("mini.yaml"), STANDARD.formatted(levels));
        if (crosswalk != null) {
            Files.writeString(dir.resolve("cw.yaml"), crosswalk);
        }
        return dir;
    }

    @Test
    void readsLevelSchemeTokenKindsAndCrosswalkTargets(@TempDir Path dir) throws IOException {
        Catalog c = Catalog.loadDirectory(catalog(dir, "two, one", "mini:\n  - {id: M-1, mini: [M-1], relation: equivalent}\n"));
        LevelScheme s = c.requireStandard("mini").levels();
        assertThat(s.scale()).containsExactly("one", "two");
        assertThat(s.inputs()).singleElement().satisfies(i -> assertThat(i.levelOf("big")).contains("two"));
        assertThat(c.requireStandard("mini").requirement("M-1").orElseThrow().levels()).containsExactly("one", "two");
        assertThat(c.tokenKind("port")).get().extracting(TokenKind::key).isEqualTo("ports");
        assertThat(c.crosswalk().links("mini")).singleElement().extracting(Crosswalk.Link::target).isEqualTo("mini");
    }

    @Test
    void aLevelOutsideTheScaleIsRejected(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Catalog.loadDirectory(catalog(dir, "three", null)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("mini.yaml requirement M-1: level must be one of the standard's levels [one, two], not 'three'");
    }

    @Test
    void aCrosswalkLinkMustNameOneKnownTargetStandard(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Catalog.loadDirectory(catalog(dir, "one", "mini:\n  - {id: M-1, en-999: [x], relation: related}\n")))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("crosswalk mini M-1: a link names exactly one target standard of the catalog [mini], not [en-999]");
    }
}
