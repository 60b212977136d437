package org.iotb.probe.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue #20: a reply whose header section never ended (slowloris) is no HTTP answer to judge. */
class HttpHeadersEndedTest {
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void completeHeadersPass() throws IOException {
        byte[] ok = b("HTTP/1.1 200 OK\r\nServer: x\r\n\r\nbody");
        assertThat(Http.headersEnded(ok)).isSameAs(ok);
        assertThat(Http.headersEnded(b("HTTP/1.0 404 Not Found\n\n"))).isNotEmpty();
        assertThat(Http.headersEnded(new byte[0])).isEmpty();
    }

    @Test
    void dripFedHeadersAreNoAnswer() {
        assertThatThrownBy(() -> Http.headersEnded(b("HTTP/1.1 200 OK\r\nxxxxxxxxxx")))
                .isInstanceOf(IOException.class).hasMessageContaining("did not end");
    }
}
