package org.iotb.dev;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.firmware.suppress.Suppressions;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.model.ScanResult;
import org.iotb.model.Tool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs every firmware check over an already unpacked tree (JSON = ScanResult, or a table), or prints the ELF
 * hardening in checksec's CSV: a developer's and benchmark tool (scripts/bench-checks.sh), run as
 * {@code java -cp "$(scripts/dev-classpath.sh)" org.iotb.dev.ScanTreeCommand DIR}. Users run {@code iotb scan firmware DIR}.
 */
@Command(name = "scan-tree", mixinStandardHelpOptions = true,
        description = "Run the firmware checks over an unpacked root filesystem directory.")
public final class ScanTreeCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "root of the unpacked tree")
    Path root;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    String format;

    @Option(names = "--checks", split = ",", description = "only these check ids (prefix* allowed)")
    Set<String> checks;

    @Option(names = "--suppressions", description = "YAML suppression file")
    Path suppressions;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads (0 = cores)")
    int threads;

    @Option(names = "--uboot-env", split = ",", description = "U-Boot variables name=value")
    Map<String, String> bootEnv;

    @Option(names = "--checksec-csv", description = "print checksec-compatible CSV of every ELF instead of scanning")
    boolean checksecCsv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (checksecCsv) {
            ChecksecCsv.print(root, spec.commandLine().getOut());
            return 0;
        }
        Suppressions s = suppressions == null ? Suppressions.none() : Suppressions.load(suppressions);
        FirmwareScanOptions o = new FirmwareScanOptions(checks, threads, bootEnv, s, Duration.ofSeconds(20));
        FirmwareScanner.Report r = new FirmwareScanner().scanReport(root, o);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            ScanResult result = new ScanResult(Tool.nameAndVersion(), root.toString(), null, r.findings(),
                    r.warnings(), new LinkedHashMap<>(r.stats()));
            out.println(Json.mapper().writeValueAsString(result));
        } else {
            for (Finding f : r.findings()) {
                out.printf("%-30s %-8s %s%n", f.check(), f.outcome().id(), f.message());
                f.evidence().stream().limit(5).forEach(e -> out.printf("%-30s          %s%s%s%n", "",
                        e.path() == null ? "" : e.path(), e.line() == null ? "" : ":" + e.line(),
                        e.excerpt() == null ? "" : "  " + e.excerpt()));
            }
            out.printf("%d finding(s), %d warning(s), %s%n", r.findings().size(), r.warnings().size(), r.stats()
                    .get("totalMillis") + " ms");
        }
        out.flush();
        List<Finding> fails = r.findings().stream().filter(f -> f.outcome().id().equals("fail")).toList();
        return fails.isEmpty() ? 0 : 1;
    }

    /** Lets developers run the scanner without the integrated CLI. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new ScanTreeCommand()).execute(args));
    }
}
