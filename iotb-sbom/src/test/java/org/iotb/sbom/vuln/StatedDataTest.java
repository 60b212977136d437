package org.iotb.sbom.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.model.Outcome;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.TestTrees;
import org.iotb.sbom.outdated.OutdatedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stated data: what the vulnerability judgements rest on, and "none found" on too little or too old data. */
class StatedDataTest {

    /** A product whose only versioned component no starter CVE names: zlib 1.3.1. */
    private static Sbom clean(Path dir) throws IOException {
        Path root = dir.resolve("rootfs");
        TestTrees.write(root.resolve("lib/libz.so.1.3.1"), " deflate 1.3.1 Copyright 1995-2024 Jean-loup Gailly and Mark Adler ");
        Sbom sbom = new SbomBuilder().build(root, SbomOptions.of("clean.bin", "cd".repeat(32)));
        assertThat(sbom.components()).extracting(c -> c.id() + " " + c.version()).containsExactly("zlib 1.3.1");
        return sbom;
    }

    /** A store with one imported record, logged as imported at {@code at}, as the import code writes it. */
    private static Path store(Path dir, String at, String newestRecord) throws IOException {
        Path s = dir.resolve("store");
        Files.createDirectories(s);
        Vulnerability v = new Vulnerability("CVE-2022-37434", List.of(), "zlib inflateGetHeader overflow",
                org.iotb.model.Severity.CRITICAL, 9.8, null,
                List.of(new Affected("zlib:zlib", null, null, null, "1.2.13", null, null, false)), "nvd", List.of());
        Files.write(s.resolve("nvd.json"), Json.mapper().writeValueAsBytes(List.of(v)));
        Files.writeString(s.resolve("imports.json"), "[{\"file\": \"/data/nvd.json\", \"format\": \"nvd\", \"records\": 1,"
                + " \"kept\": 1, \"skipped\": 0, \"at\": \"" + at + "\""
                + (newestRecord == null ? "" : ", \"newestRecord\": \"" + newestRecord + "\"") + "}]");
        return s;
    }

    private static List<Finding> vulnerable(VulnDb db, Sbom sbom, LocalDate today, int maxAge) {
        return new SbomChecks(db, OutdatedRules.bundled(), today).withMaxDataAge(maxAge).run(sbom).stream()
                .filter(f -> f.check().equals(SbomChecks.VULNERABLE)).toList();
    }

    @Test
    void theStarterSetStatesItselfAndCannotSettleANoneFound(@TempDir Path dir) throws IOException {
        VulnDataSnapshot s = VulnDb.bundled().snapshot();
        assertThat(s.starterSetOnly()).isTrue();
        assertThat(s.records()).isEqualTo(VulnDb.bundled().starterSet().size()).isEqualTo(58);
        assertThat(s.newestRecord()).isEqualTo(LocalDate.of(2024, 7, 1)); // CVE-2024-6387, the newest entry
        assertThat(s.sources()).singleElement().satisfies(src -> assertThat(src.name()).isEqualTo("starter"));
        assertThat(s.describe(LocalDate.of(2026, 12, 2)))
                .isEqualTo("vulnerability data: starter set, 58 records, newest 2024-07-01, 884 days old");

        Sbom sbom = clean(dir);
        // without an age limit (library callers that do not ask): the old pass
        assertThat(new SbomChecks(VulnDb.bundled()).run(sbom)).filteredOn(f -> f.check().equals(SbomChecks.VULNERABLE))
                .singleElement().satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
        // with it: a warning that says why, marked for the verdict engine, never a pass
        Finding f = vulnerable(VulnDb.bundled(), sbom, LocalDate.of(2026, 12, 2), 30).stream().findFirst().orElseThrow();
        assertThat(f.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(f.data().get("cannotSettle")).isEqualTo("only the bundled starter set of 58 well-known CVEs was available");
        assertThat(f.message()).contains("starter set, 58 records, newest 2024-07-01");
    }

    @Test
    void importedDataIsDatedByItsNewestRecordOrItsImportAndJudgedByAge(@TempDir Path dir) throws IOException {
        Sbom sbom = clean(dir);
        VulnDb db = VulnDb.open(store(dir, "2026-11-20T08:00:00Z", null));
        VulnDataSnapshot s = db.snapshot();
        assertThat(s.starterSetOnly()).isFalse();
        assertThat(s.records()).isEqualTo(59);
        assertThat(s.newestRecord()).isEqualTo(LocalDate.of(2026, 11, 20)); // no stated date: the import's
        assertThat(s.sources()).extracting(VulnDataSnapshot.Source::name).containsExactly("starter", "nvd");
        assertThat(s.sources().get(1).importedAt()).hasToString("2026-11-20T08:00:00Z");

        // 12 days later: current enough, the pass stands
        assertThat(vulnerable(db, sbom, LocalDate.of(2026, 12, 2), 30)).singleElement()
                .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
        // 60 days later: too old
        Finding stale = vulnerable(db, sbom, LocalDate.of(2027, 1, 19), 30).get(0);
        assertThat(stale.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(stale.data().get("cannotSettle")).asString()
                .isEqualTo("the newest vulnerability record is 60 days old (more than the 30 days allowed by --max-vulndb-age)");
        // a record date the feed stated wins over the import date
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        VulnDb dated = VulnDb.open(store(other, "2026-11-20T08:00:00Z", "2026-09-01T00:00:00Z"));
        assertThat(dated.snapshot().newestRecord()).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void aVulnerableComponentStillFailsOnOldData(@TempDir Path dir) throws IOException {
        Sbom router = new SbomBuilder().build(TestTrees.oldRouter(dir), SbomOptions.of("router.bin", "ab".repeat(32)));
        List<Finding> fs = vulnerable(VulnDb.bundled(), router, LocalDate.of(2026, 12, 2), 30);
        assertThat(fs).anySatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.FAIL));
        assertThat(fs).noneMatch(f -> f.data().containsKey("cannotSettle"));
    }
}
