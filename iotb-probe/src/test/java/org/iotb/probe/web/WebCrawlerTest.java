package org.iotb.probe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iotb.probe.proto.HttpResponse;
import org.junit.jupiter.api.Test;

/** The crawler's bounds and origin rule, against a made-up site served by a fake fetcher. */
class WebCrawlerTest {
    static HttpResponse page(String html) {
        return HttpResponse.parse(("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + html)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void depthAndPageCountAreBounded() throws Exception {
        List<String> fetched = new ArrayList<>();
        // every page links to ten deeper pages: without bounds this never ends
        WebCrawler c = new WebCrawler((m, path, body) -> {
            fetched.add(path);
            StringBuilder b = new StringBuilder("<html>");
            for (int i = 0; i < 10; i++) {
                b.append("<a href=\"").append(path.equals("/") ? "" : path).append("/p").append(i).append("\">x</a>");
            }
            return page(b.toString());
        }, "http", "127.0.0.1", 8080, false, () -> false);
        List<WebCrawler.Page> pages = c.crawl();
        assertThat(pages).hasSize(WebCrawler.MAX_PAGES);
        assertThat(pages).allSatisfy(p -> assertThat(p.depth()).isLessThanOrEqualTo(WebCrawler.MAX_DEPTH));
        assertThat(fetched).doesNotHaveDuplicates();
    }

    @Test
    void followsFramesScriptsRedirectsAndFormsOnTheSameOriginOnly() throws Exception {
        List<String> fetched = new ArrayList<>();
        WebCrawler c = new WebCrawler((m, path, body) -> {
            fetched.add(m + " " + path);
            return switch (path) {
                case "/" -> page("<frameset><frame src=\"top.html\"><iframe src='/side.html'></iframe></frameset>"
                        + "<script>if (x) { location.href = \"/js.html\"; }</script>"
                        + "<form action=\"/go.cgi\" method=post><input type=hidden name=a value=1></form>"
                        + "<a href=\"https://127.0.0.1:8080/tls.html\">other scheme</a>"
                        + "<a href=\"http://127.0.0.1:8081/port.html\">other port</a>"
                        + "<a href=\"http://evil.example:8080/host.html\">other host</a>"
                        + "<a href=\"http://127.0.0.1:8080/abs.html#frag\">same origin</a>");
                case "/top.html" -> page("<meta http-equiv=\"refresh\" content=\"0; url=/refreshed.html\">");
                case "/js.html" -> HttpResponse.parse("HTTP/1.0 302 Found\r\nLocation: /moved.html\r\n\r\n"
                        .getBytes(StandardCharsets.UTF_8));
                default -> page("<html>leaf</html>");
            };
        }, "http", "127.0.0.1", 8080, false, () -> false);
        c.crawl();
        assertThat(fetched).containsExactlyInAnyOrder("get /", "get /top.html", "get /side.html", "get /go.cgi",
                "get /abs.html", "get /js.html", "get /moved.html", "get /refreshed.html");
    }

    @Test
    void intrusivePostsOnlyHarmlessForms() throws Exception {
        List<String> fetched = new ArrayList<>();
        WebCrawler c = new WebCrawler((m, path, body) -> {
            fetched.add(m + " " + path + (body == null ? "" : " " + body));
            return path.equals("/") ? page("<form action=/next.cgi method=post><input type=hidden name=step"
                    + " value=2></form><form action=/save.cgi method=post><input name=wifi_ssid value=x>"
                    + "<input name=wifi_psk></form>") : page("leaf");
        }, "http", "127.0.0.1", 8080, true, () -> false);
        c.crawl();
        assertThat(fetched).containsExactlyInAnyOrder("get /", "post /next.cgi step=2", "get /save.cgi");
    }

    @Test
    void secretsAreNamedAndMasked() {
        List<PageSecrets.Field> f = PageSecrets.find("<input type=password name=pw value=abc123>"
                + "<textarea name=wpa_passphrase>letmein99</textarea><input name=user><input type=password name=p2>");
        assertThat(f).extracting(PageSecrets.Field::name).containsExactly("pw", "wpa_passphrase");
        assertThat(f.toString()).doesNotContain("abc123").doesNotContain("letmein99").contains("(6 chars)");
        assertThat(PageSecrets.find("<form><input name=username><input type=password name=password></form>")).isEmpty();
    }
}
