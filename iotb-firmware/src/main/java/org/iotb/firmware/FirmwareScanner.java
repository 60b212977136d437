package org.iotb.firmware;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.firmware.facts.FirmwareFactsExtractor;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.RootFileSystems;
import org.iotb.model.Finding;
import org.iotb.model.check.CheckRunner;
import org.iotb.model.facts.SystemFacts;

/**
 * Runs every firmware check over an unpacked tree under the shared {@link CheckRunner} policy: in parallel on
 * {@code options.threads()} threads, each check bounded in time; a check that throws or overruns yields an ERROR
 * finding instead of stopping the scan.
 */
public final class FirmwareScanner {
    /** Longest a single check may run before it is reported as an error. */
    static final long CHECK_TIMEOUT_SECONDS = 240;

    /**
     * Findings plus the problems met while looking, some statistics, and the typed facts of the image (its OS,
     * boot services, accounts, radios and update paths; see {@link FirmwareFactsExtractor}).
     */
    public record Report(List<Finding> findings, List<String> warnings, Map<String, Object> stats, SystemFacts facts) {
        public Report {
            facts = facts == null ? SystemFacts.EMPTY : facts;
        }

        /** A report without facts (a caller that only wants findings). */
        public Report(List<Finding> findings, List<String> warnings, Map<String, Object> stats) {
            this(findings, warnings, stats, SystemFacts.EMPTY);
        }
    }

    /** Scans {@code treeRoot}; the findings are sorted by check id. */
    public List<Finding> scan(Path treeRoot, FirmwareScanOptions options) throws IOException {
        return scanReport(treeRoot, options).findings();
    }

    /**
     * Like {@link #scan} but also returns warnings (unreadable files, expired suppressions) and statistics.
     * When {@code treeRoot} is an extraction holding root file systems in sub-directories, the checks run on
     * each root and evidence paths are given relative to {@code treeRoot}.
     */
    public Report scanReport(Path treeRoot, FirmwareScanOptions options) throws IOException {
        return scanReport(FileTree.index(treeRoot), options);
    }

    /**
     * Like {@link #scanReport(Path, FirmwareScanOptions)} on a tree already indexed, so that the SBOM and the
     * checks share one walk; each root file system is a {@link FileTree#subtree} of it.
     */
    public Report scanReport(FileTree tree, FirmwareScanOptions options) throws IOException {
        Path treeRoot = tree.root();
        List<Path> roots = RootFileSystems.locate(treeRoot);
        List<Report> parts = new ArrayList<>();
        for (Path root : roots) {
            Report r = scanRoot(tree.subtree(treeRoot.relativize(root).toString().replace('\\', '/')), options);
            parts.add(root.equals(treeRoot) ? r : RootMerge.prefixed(r, treeRoot.relativize(root)));
        }
        Report merged = parts.size() == 1 ? parts.get(0) : RootMerge.merge(parts);
        List<Finding> findings = new ArrayList<>(options.suppressions().apply(merged.findings()));
        findings.sort(Comparator.comparing(Finding::check));
        List<String> warnings = new ArrayList<>(merged.warnings());
        warnings.addAll(options.suppressions().expiredWarnings());
        Map<String, Object> stats = new LinkedHashMap<>(merged.stats());
        if (roots.size() > 1 || !roots.get(0).equals(treeRoot)) {
            stats.put("rootFileSystems", roots.stream().map(r -> treeRoot.relativize(r).toString().replace('\\', '/')).toList());
        }
        return new Report(List.copyOf(findings), List.copyOf(warnings), stats, merged.facts());
    }

    private Report scanRoot(FileTree tree, FirmwareScanOptions options) throws IOException {
        long t0 = System.nanoTime();
        long tIndex = System.nanoTime();
        ScanContext ctx = new ScanContext(tree, options);
        List<FirmwareCheck> checks = FirmwareChecks.selected(options.checks());
        CheckRunner.Result run = CheckRunner.sequential().withThreads(options.threads())
                .withCheckTimeout(Duration.ofSeconds(CHECK_TIMEOUT_SECONDS)).run(checks, ctx);
        List<Finding> findings = run.findings();
        List<String> problems = new ArrayList<>();
        // the facts read the same memoised analysis the checks just ran, so observing them afterwards is cheap
        SystemFacts facts = observeFacts(ctx, problems);
        List<String> warnings = new ArrayList<>(tree.warnings());
        warnings.addAll(problems);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("files", tree.files().size());
        stats.put("bytes", tree.totalBytes());
        stats.put("kinds", tree.kindCounts());
        stats.put("checks", checks.size());
        stats.put("indexMillis", (tIndex - t0) / 1_000_000);
        stats.put("totalMillis", (System.nanoTime() - t0) / 1_000_000);
        stats.put("checkMillis", new java.util.TreeMap<>(run.millis()));
        return new Report(List.copyOf(findings), List.copyOf(warnings), stats, facts);
    }

    /** The facts, or none (and a warning) when observing them failed: the findings still stand. */
    private static SystemFacts observeFacts(ScanContext ctx, List<String> problems) {
        try {
            return FirmwareFactsExtractor.extract(ctx);
        } catch (Exception | StackOverflowError e) {
            problems.add("facts not observed: " + e);
            return SystemFacts.EMPTY;
        }
    }
}
