package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.probe.auth.DefaultCredentialsCheck;
import org.iotb.probe.testing.FormLoginApp;
import org.junit.jupiter.api.Test;

/** net.auth.default-credentials over an HTML form login served by a small loopback web app. */
class FormLoginTest {
    static final DeviceTarget LOOPBACK = new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress());

    static List<Finding> scan(int port, boolean intrusive) {
        ProbeOptions o = ProbeOptions.defaults().withPorts(List.of(port)).withIntrusive(intrusive)
                .withAttemptBudget(6).withBudget(Duration.ofSeconds(60));
        return new DeviceScanner(List.of(new DefaultCredentialsCheck())).scanResult(LOOPBACK, o, ProgressListener.NONE).findings().stream()
                .filter(f -> f.check().equals("net.auth.default-credentials")).toList();
    }

    @Test
    void adminAdminIsFoundThroughTheLinkedLoginPage() throws Exception {
        try (FormLoginApp app = new FormLoginApp("admin", "admin")) {
            List<Finding> fs = scan(app.port, true);
            assertThat(fs).hasSize(1);
            Finding f = fs.get(0);
            assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
            assertThat(f.data()).containsEntry("protocol", "http-form").containsEntry("username", "admin")
                    .containsEntry("password", "a****");
            String reply = f.evidence().get(0).reply();
            assertThat(reply).contains("/cgi-bin/login").contains("user").contains("pass").contains("302");
            assertThat(f.evidence().get(0).request()).contains("admin / a****").doesNotContain("admin / admin");
            // the deliberately wrong password first, then admin/admin (first in the list)
            assertThat(app.posts.get()).isEqualTo(2);
        }
    }

    @Test
    void noDefaultWorkingMeansPassAfterTheWholeBudget() throws Exception {
        try (FormLoginApp app = new FormLoginApp("admin", "Xq7-unique-per-device")) {
            List<Finding> fs = scan(app.port, true);
            assertThat(fs).hasSize(1);
            Finding f = fs.get(0);
            assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.PASS);
            assertThat(f.evidence().get(0).protocol()).isEqualTo("http-form");
            assertThat(f.evidence().get(0).request()).contains("/cgi-bin/login").contains("user, pass");
            // the budget of 6 includes the deliberately wrong password: 5 default pairs
            assertThat(app.posts.get()).isEqualTo(6);
            assertThat(f.message()).contains("rejected 5 of 5");
        }
    }

    @Test
    void aFormThatRedirectsEveryPasswordIsNotJudged() throws Exception {
        try (FormLoginApp app = new FormLoginApp("admin", "admin", true)) {
            List<Finding> fs = scan(app.port, true);
            assertThat(fs).hasSize(1);
            assertThat(fs.get(0).outcome()).as(fs.get(0).message()).isEqualTo(Outcome.NOT_RUN);
            assertThat(fs.get(0).message()).contains("unclear");
        }
    }

    @Test
    void withoutIntrusiveNothingIsPosted() throws Exception {
        try (FormLoginApp app = new FormLoginApp("admin", "admin")) {
            List<Finding> fs = scan(app.port, false);
            assertThat(fs).extracting(Finding::outcome).containsExactly(Outcome.NOT_RUN);
            assertThat(app.posts.get()).isZero();
        }
    }
}
