package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotb.cli.scan.FindingsOutputAccess;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.ScanResult;
import org.iotb.model.Severity;
import org.junit.jupiter.api.Test;

/** CLI polish of issue #14: whole sentences in help, the nearest option for a typo, a severity column. */
class HelpTextTest {

    @Test
    void sentencePiecesAreJoinedExamplesStayAsWritten() {
        String[] joined = HelpText.joinSentences(new String[] {"List the components (package databases and version",
                "signatures), with purl.", "Examples:", "  iotb sbom fw.bin", "", "Show how one maps (in the catalog:",
                "MTSFB to EN), flagging differences."});
        assertThat(joined).containsExactly("List the components (package databases and version signatures), with purl.",
                "Examples:", "  iotb sbom fw.bin", "", "Show how one maps (in the catalog: MTSFB to EN), flagging differences.");
    }

    @Test
    void everyHelpLineEndsASentenceOrWrapsOne() {
        // the first description line is what `iotb --help` and `iotb scan --help` list: it must be a whole sentence
        for (String command : List.of("sbom", "scan", "catalog", "report", "diff", "unpack", "assess")) {
            Cli c = Cli.run(command, "--help");
            assertThat(c.exit).isZero();
            assertThat(c.out).as(command).doesNotContain("\nversion\n").doesNotContain("ASSESSMENT.\n")
                    .doesNotContain("(credentials, keys,\n");
        }
        assertThat(Cli.run("scan", "--help").out).contains("(credentials, keys,").contains("leftovers).");
    }

    @Test
    void aMistypedOptionGetsTheNearestOne() {
        Cli c = Cli.run("report", "a.json", "--fromat", "html", "-o", "out");
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.err).contains("Unknown option").contains("Did you mean --format?");
        assertThat(Cli.run("diff", "a.json", "b.json", "--fromat=html").err).contains("Did you mean --format?");
        assertThat(Cli.run("report", "a.json", "--fail-no", "any", "-o", "out").err).contains("Did you mean --fail-on?");
        // nothing close: no guess, the usage instead
        assertThat(Cli.run("report", "a.json", "--zzzzzzzz", "-o", "out").err).doesNotContain("Did you mean").contains("Usage:");
        assertThat(HelpText.distance("--fromat", "--format")).isEqualTo(1);
    }

    @Test
    void scanTablePrintsASeverityColumnWorstFirst() {
        ScanResult r = new ScanResult("iotb", "fw.bin", null, List.of(
                Finding.fail("fw.svc.telnet", Severity.HIGH, "telnetd is started at boot", List.of(Evidence.line("etc/inittab", 3, "telnetd"))),
                Finding.fail("fw.cred.default-password", Severity.CRITICAL, "root has the password 'admin'", List.of()),
                Finding.pass("fw.cert.weak", "no weak certificate", List.of())), List.of(), Map.of());
        String table = FindingsOutputAccess.table(r);
        List<String> lines = table.lines().toList();
        assertThat(lines.get(1)).startsWith("OUTCOME  SEVERITY CHECK");
        assertThat(lines.get(2)).startsWith("FAIL     critical fw.cred.default-password");
        assertThat(lines.get(3)).startsWith("FAIL     high     fw.svc.telnet");
        assertThat(table).contains("PASS     -        fw.cert.weak");
    }
}
