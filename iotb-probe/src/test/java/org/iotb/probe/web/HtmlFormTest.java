package org.iotb.probe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HtmlFormTest {
    @Test
    void findsTheFormWithThePasswordFieldAndItsHiddenInputs() {
        String html = "<form action='/search'><input name=q></form>"
                + "<FORM METHOD=POST action=\"/goform/login?x=1&amp;y=2\">"
                + "<input type=hidden name=csrf value=\"a&quot;b\"><input name=\"username\" type=\"text\">"
                + "<input type=\"password\" name=\"pwd\"><input type=submit></FORM>";
        HtmlForm f = HtmlForm.find(html);
        assertThat(f).isNotNull();
        assertThat(f.action()).isEqualTo("/goform/login?x=1&y=2");
        assertThat(f.method()).isEqualTo("post");
        assertThat(f.userField()).isEqualTo("username");
        assertThat(f.passField()).isEqualTo("pwd");
        assertThat(f.hidden()).containsEntry("csrf", "a\"b");
        assertThat(HtmlForm.hasPasswordField(html)).isTrue();
        assertThat(HtmlForm.find("<form><input name=q></form>")).isNull();
    }

    @Test
    void hostilePagesEndQuickly() {
        String huge = "<form " + "a=b ".repeat(100_000) + "><input " + "x".repeat(200_000);
        long t0 = System.nanoTime();
        assertThat(HtmlForm.find(huge)).isNull();
        assertThat(HtmlForm.find("<form>".repeat(50_000) + "<input type=password name=p>")).isNull();
        assertThat(HtmlForm.links("<a href=".repeat(50_000), 40)).hasSizeLessThanOrEqualTo(40);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void onlySameHostLinksResolve() {
        assertThat(SameHostPath.resolve("/", "login.html", "10.0.0.5", 80)).isEqualTo("/login.html");
        assertThat(SameHostPath.resolve("/cgi/a.html", "../login.htm?r=1", "10.0.0.5", 80))
                .isEqualTo("/login.htm?r=1");
        assertThat(SameHostPath.resolve("/", "http://10.0.0.5:8080/x", "10.0.0.5", 8080)).isEqualTo("/x");
        assertThat(SameHostPath.resolve("/", "http://10.0.0.5:81/x", "10.0.0.5", 8080)).isNull();
        assertThat(SameHostPath.resolve("/", "https://evil.example/login", "10.0.0.5", 80)).isNull();
        assertThat(SameHostPath.resolve("/", "//evil.example/login", "10.0.0.5", 80)).isNull();
        assertThat(SameHostPath.resolve("/", "javascript:alert(1)", "10.0.0.5", 80)).isNull();
    }
}
