package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #12 items 5 and 7 from the command line: the wizard re-asks, declarations ask each question once. */
class ProfileAndDeclarationsCommandsTest {

    private static Cli withStdin(String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void theInteractiveWizardReAsksOnInvalidAnswersAndShowsTheAllowedValues() {
        String answers = "Door's lock\n\n\n\n"                // product name (with a quote), model, manufacturer, version
                + "maybe\ntrue\n"                          // device.passwords: refused, then true
                + "\n".repeat(18)                           // the other device facts stay unknown (11 of EN 303 645, 7 of EN 18031)
                + "\nhuge\nsevere\n\n"                      // personal-data unknown; integrity-impact refused, then severe
                + "none\n"                                  // xiaomi.categories: the user says none
                + "wifi, foo\nwifi, ble\n"                  // interfaces: refused, then a valid list
                + "windows\n\n";                            // os: refused, then unknown; features: end of input
        Cli c = withStdin(answers, "profile", "init", "--interactive");
        assertThat(c.exit).as(c.err).isZero();
        assertThat(c.err).contains("'maybe' is not true, false or unknown; allowed: true, false or unknown")
                .contains("'huge' is not allowed; allowed: one of minor, limited, severe")
                .contains("not allowed: foo; allowed: a comma-separated list of")
                .contains("'windows' is not allowed");
        Profile p = ProfileLoader.parse(c.out, "wizard.yaml", Catalog.load()); // profile check accepts what it wrote
        assertThat(p.product().name()).isEqualTo("Door's lock");
        assertThat(p.fact("passwords")).isTrue();
        assertThat(p.device()).hasSize(1);
        assertThat(p.facts()).containsEntry("xiaomi.integrity-impact", "severe");
        assertThat(p.words("xiaomi.categories")).as("none was said").isEmpty();
        assertThat(p.interfaces()).containsExactly("wifi", "ble");
        assertThat(p.os()).isNull();
        assertThat(p.features()).as("not answered: unknown, not none").isNull();
    }

    @Test
    void declarationsInitAsksEachQuestionOnceAndCheckCountsTheCarriedAnswers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("declarations.yaml");
        Cli init = Cli.run("declarations", "init", "--profile", Cli.example("profile.yaml"), "-o", out.toString());
        assertThat(init.exit).as(init.err).isZero();
        String template = Files.readString(out);
        assertThat(template).contains("  # also answers MTSFB TC G044 6.1(a) [M C (1)]\n  \"5.1-1\":")
                .doesNotContain("\n  \"6.1(a)\":");
        long questions = template.lines().filter(l -> l.equals("    support:")).count();
        assertThat(init.err).contains(questions + " question(s)");
        Files.writeString(out, template.replace("    support:\n", "    support: Y\n"));
        Cli check = Cli.run("declarations", "check", out.toString());
        assertThat(check.exit).as(check.err).isZero();
        assertThat(check.out).contains("valid, " + questions + " declaration(s), ").contains("more carried to equivalent requirements");
    }

    @Test
    void conflictingTwinsAreAWarningAndAnUnjustifiedNoOnARecommendationExitsTwo(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("d.yaml");
        Files.writeString(d, "etsi-en-303-645:\n  \"5.1-1\": Y\nmtsfb-tc-g044:\n  \"6.1(a)\": {support: N, detail: \"not yet\"}\n");
        Cli c = Cli.run("declarations", "check", d.toString());
        assertThat(c.exit).isZero();
        assertThat(c.err).contains("warning: conflicting declarations on equivalent requirements");
        Files.writeString(d, "etsi-en-303-645:\n  \"5.2-3\": N\n");
        Cli bad = Cli.run("ics", "--profile", Cli.example("profile.yaml"), "--declarations", d.toString());
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.err).contains("line 2").contains("N on a recommendation needs a justification");
    }

    @Test
    void profileCheckWarnsAboutTheOldTelemetryFeature(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("old.yaml");
        Files.writeString(p, "device: {passwords: true}\nfeatures: [mobile-app, telemetry]\n");
        Cli c = Cli.run("profile", "check", p.toString());
        assertThat(c.exit).as(c.err).isZero();
        assertThat(c.err).contains("warning: ").contains("'features: [telemetry]' is deprecated").contains("device.telemetry: true");
    }
}
