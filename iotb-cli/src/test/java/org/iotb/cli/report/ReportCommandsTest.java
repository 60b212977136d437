package org.iotb.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.assess.Assessment;
import org.iotb.report.SampleAssessments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandsTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void reportRerendersAndExitsZeroWhenItRenderedEvenIfTheAssessmentFailed() throws Exception {
        Path json = tmp.resolve("a.json");
        SampleAssessments.v1().write(json);
        Path out = tmp.resolve("out");
        Run r = run(new ReportCommand(), json.toString(), "--format", "html,json,sarif,junit,ics", "-o", out.toString());
        assertThat(r.err()).isEmpty();
        // re-rendering is not assessing: the reports were written, so 0 (issue #14); --fail-on keeps a gate
        assertThat(r.exit()).isZero();
        assertThat(out.resolve("report.html")).exists();
        assertThat(out.resolve("report.sarif")).exists();
        assertThat(out.resolve("junit.xml")).exists();
        assertThat(Files.readString(out.resolve("ics-etsi-en-303-645.csv"))).startsWith("reference,status,applicable,support,detail")
                .contains("5.2-1,M,yes,Y,");
        assertThat(Assessment.read(out.resolve("assessment.json")).verdicts()).isEqualTo(Assessment.read(json).verdicts());
        assertThat(run(new ReportCommand(), json.toString(), "--fail-on", "none", "-o", out.toString()).exit()).isZero();
        assertThat(run(new ReportCommand(), json.toString(), "--fail-on", "mandatory", "-o", out.toString()).exit()).isEqualTo(1);
    }

    @Test
    void badInputIsExitTwo() throws Exception {
        Path junk = tmp.resolve("junk.json");
        Files.writeString(junk, "{ not json");
        Run r = run(new ReportCommand(), junk.toString(), "-o", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not a readable assessment");
        assertThat(run(new ReportCommand(), junk.toString(), "--format", "docx", "-o", tmp.toString()).err()).contains("unknown format");
        assertThat(run(new DiffCommand(), junk.toString(), junk.toString()).exit()).isEqualTo(2);
    }

    @Test
    void diffShowsChangesAndFailsOnRegressionWhenAsked() throws Exception {
        Path v1 = tmp.resolve("v1.json");
        Path v2 = tmp.resolve("v2.json");
        SampleAssessments.v1().write(v1);
        SampleAssessments.v2().write(v2);
        Run text = run(new DiffCommand(), v1.toString(), v2.toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("etsi-en-303-645").contains("broke");
        assertThat(run(new DiffCommand(), v1.toString(), v2.toString(), "--fail-on-regression").exit()).isEqualTo(1);
        assertThat(run(new DiffCommand(), v1.toString(), v1.toString(), "--fail-on-regression").exit()).isZero();
        assertThat(run(new DiffCommand(), v1.toString(), v2.toString(), "--format", "json").out()).contains("\"fixed\"")
                .contains("\"stillFailing\"");
    }

    @Test
    void diffWritesAnHtmlPageWithBrokeFixedAndStillFailing() throws Exception {
        Path v1 = tmp.resolve("v1.json");
        Path v2 = tmp.resolve("v2.json");
        SampleAssessments.v1().write(v1);
        SampleAssessments.v2().write(v2);
        Path page = tmp.resolve("diff.html");
        Run r = run(new DiffCommand(), v1.toString(), v2.toString(), "--format", "html", "-o", page.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h3>Broke (").contains("<h3>Fixed (")
                .contains("Still failing (").contains("p100-1.0.bin").contains("p100-1.1.bin");
        // well-formed XHTML, like the report
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.newDocumentBuilder().parse(page.toFile());
        assertThat(run(new DiffCommand(), v1.toString(), v2.toString(), "--format", "docx").exit()).isEqualTo(2);
    }
}
