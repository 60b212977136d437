package org.iotb.probe.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import org.iotb.probe.net.Conn;
import org.iotb.probe.net.Deadline;
import org.iotb.probe.ssh.KexInitReader;
import org.iotb.probe.tls.ServerReply;
import org.iotb.probe.tls.ServerReplyReader;
import org.junit.jupiter.api.Test;

/** Parsers fed random and truncated bytes return "not recognised" instead of throwing or hanging. */
class HostileInputTest {
    @Test
    void datagramAndResponseParsersSurviveRandomBytes() {
        Random rnd = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[rnd.nextInt(64)];
            rnd.nextBytes(b);
            if (b.length > 0 && rnd.nextBoolean()) {
                b[0] = (byte) (0x40 | (b[0] & 0x0f));
            }
            Coap.parse(b, b.length);
            Replies.classify(b);
            HttpResponse.parse(b);
            Mqtt.connackCode(b);
            Adb.command(b);
        }
        assertThat(Coap.parse(new byte[] {0x48, 0x45, 0, 1}, 4)).as("token length beyond the datagram").isNull();
    }

    @Test
    void coapParsesARealResponse() {
        byte[] r = {0x60, 0x45, 0x1b, 0x0d, (byte) 0xc1, 0x28, (byte) 0xff, '<', '/', 'a', '>'};
        Coap.Response c = Coap.parse(r, r.length);
        assertThat(c.code()).isEqualTo("2.05");
        assertThat(c.payload()).isEqualTo("</a>");
    }

    /** One connection's worth of bytes from a fake server. */
    static Conn serve(byte[] reply) throws IOException {
        ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (ss; Socket s = ss.accept(); OutputStream o = s.getOutputStream()) {
                o.write(reply);
                o.flush();
                Thread.sleep(300);
            } catch (Exception ignored) {
                // test server
            }
        });
        t.setDaemon(true);
        t.start();
        return Conn.open(InetAddress.getLoopbackAddress(), ss.getLocalPort(), 500, 500,
                Deadline.in(Duration.ofSeconds(5)));
    }

    @Test
    void tlsReaderCallsRandomBytesGarbageAndTruncatedHelloClosed() throws Exception {
        byte[] junk = new byte[300];
        new Random(3).nextBytes(junk);
        junk[0] = 0x47;
        try (Conn c = serve(junk)) {
            assertThat(ServerReplyReader.read(c, true).kind()).isEqualTo(ServerReply.Kind.GARBAGE);
        }
        byte[] truncated = {0x16, 0x03, 0x03, 0x40, 0x00, 0x02, 0x00, 0x00};
        try (Conn c = serve(truncated)) {
            assertThat(ServerReplyReader.read(c, true).accepted()).isFalse();
        }
        byte[] lying = {0x16, 0x03, 0x03, 0x00, 0x08, 0x02, 0x00, 0x00, 0x04, 0x03, 0x03, 0x00, 0x00};
        try (Conn c = serve(lying)) {
            assertThat(ServerReplyReader.read(c, false).kind()).isEqualTo(ServerReply.Kind.GARBAGE);
        }
    }

    @Test
    void sshReaderRejectsHugeOrBrokenPackets() throws Exception {
        byte[] huge = "SSH-2.0-x\r\n\u007f\u00ff\u00ff\u00ff\u0004".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (Conn c = serve(huge)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> KexInitReader.read(c))
                    .hasMessageContaining("implausible");
        }
        try (Conn c = serve("no ssh here\r\n".getBytes())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> KexInitReader.read(c))
                    .isInstanceOf(IOException.class);
        }
    }
}
