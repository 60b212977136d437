package org.iotb.cli.assess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotb.assess.ImageFacts;
import org.iotb.assess.ImageService;
import org.iotb.assess.InputKind;
import org.iotb.assess.InputRecord;
import org.iotb.assess.SourceFindings;
import org.iotb.cli.common.Progress;
import org.iotb.cli.firmware.FirmwareWorkspace;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.firmware.tree.FileTree;
import org.iotb.model.Finding;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.unpack.UnpackOptions;

/**
 * Everything one firmware image contributes to an assessment: unpack, firmware checks, SBOM and its
 * vulnerability findings, and the facts the report shows (entropy, boot services, unpack warnings).
 */
record FirmwareEvidence(InputRecord input, SourceFindings findings, ImageFacts facts, Map<String, Long> timings) {

    static FirmwareEvidence gather(String name, Path image, Path workdir, VulnDb vulnDb, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        try (FirmwareWorkspace ws = FirmwareWorkspace.open(image, workdir, UnpackOptions.defaults(), progress)) {
            long t1 = System.nanoTime();
            progress.start("checking " + name);
            FileTree tree = FileTree.index(ws.treeRoot()); // one walk: the checks and the SBOM read the same index
            FirmwareScanner.Report report = new FirmwareScanner().scanReport(tree,
                    FirmwareScanOptions.defaults().withBootEnv(ws.bootEnvironment()));
            progress.done(report.findings().size() + " findings");
            long t2 = System.nanoTime();
            progress.start("SBOM of " + name);
            Sbom sbom = new SbomBuilder().build(tree, SbomOptions.of(name, ws.sha256()));
            List<Finding> sbomFindings = new SbomChecks(vulnDb).run(sbom);
            progress.done(sbom.components().size() + " components");
            long t3 = System.nanoTime();
            List<Finding> all = new ArrayList<>(report.findings());
            all.addAll(sbomFindings);
            List<String> warnings = new ArrayList<>(report.warnings());
            warnings.addAll(sbom.warnings());
            Integer blockSize = null;
            List<Double> entropy = List.of();
            if (ws.unpack() != null) {
                warnings.addAll(0, ws.unpack().warnings());
                if (ws.unpack().entropy() != null) {
                    blockSize = (int) ws.unpack().entropy().blockSize();
                    entropy = ws.unpack().entropy().points();
                }
            }
            Long size = Files.isRegularFile(image) ? Files.size(image) : null;
            InputRecord record = size == null
                    ? new InputRecord(InputKind.FIRMWARE, name, image.toString(), null, null, null)
                    : InputRecord.file(InputKind.FIRMWARE, name, image.toString(), ws.sha256(), size);
            ImageFacts facts = new ImageFacts(name, ws.sha256(), size, blockSize, entropy, services(all), warnings);
            return new FirmwareEvidence(record, new SourceFindings(name, InputKind.FIRMWARE, all), facts,
                    Map.of("unpack", ms(t0, t1), "checks", ms(t1, t2), "sbom", ms(t2, t3)));
        }
    }

    /** The boot services fw.svc.inventory found ({@code data.services: [{name, source, line}]}). */
    static List<ImageService> services(List<Finding> findings) {
        List<ImageService> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!"fw.svc.inventory".equals(f.check()) || !(f.data().get("services") instanceof List<?> list)) {
                continue;
            }
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("name") != null) {
                    Object line = m.get("line");
                    out.add(new ImageService(String.valueOf(m.get("name")), m.get("source") == null ? null : String.valueOf(m.get("source")),
                            line instanceof Number n ? n.intValue() : null));
                }
            }
        }
        return out;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
