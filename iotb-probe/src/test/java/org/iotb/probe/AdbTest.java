package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.proto.Adb;
import org.junit.jupiter.api.Test;

/**
 * No adbd is packaged for Debian hosts, so this test speaks the device side of the ADB handshake itself:
 * it answers the host's CNXN with a device CNXN (open) or with an AUTH token request (key required).
 */
class AdbTest {
    static ServerSocket fakeAdbd(int replyCommand) throws Exception {
        ServerSocket ss = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket s = ss.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    s.setSoTimeout(3000);
                    byte[] head = in.readNBytes(24);
                    if (head.length < 24 || ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() != Adb.CNXN) {
                        continue;
                    }
                    byte[] payload = replyCommand == Adb.CNXN ? "device::ro.product.model=IoTCam;\0".getBytes()
                            : new byte[20];
                    ByteBuffer bb = ByteBuffer.allocate(24 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
                    bb.putInt(replyCommand).putInt(replyCommand == Adb.CNXN ? 0x01000000 : 1).putInt(4096)
                            .putInt(payload.length).putInt(0).putInt(replyCommand ^ 0xffffffff).put(payload);
                    out.write(bb.array());
                    out.flush();
                } catch (Exception e) {
                    // next connection
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return ss;
    }

    @Test
    void openAndKeyProtectedAdbAreBothReported() throws Exception {
        try (ServerSocket open = fakeAdbd(Adb.CNXN); ServerSocket auth = fakeAdbd(Adb.AUTH)) {
            ProbeOptions o = ProbeOptions.defaults().withPorts(List.of(open.getLocalPort(), auth.getLocalPort()))
                    .withBudget(Duration.ofSeconds(30));
            ScanResult r = new DeviceScanner().scanResult(new DeviceTarget("127.0.0.1",
                    InetAddress.getLoopbackAddress()), o, ProgressListener.NONE);
            List<Finding> adb = r.findings().stream().filter(f -> f.check().equals("net.svc.adb")).toList();
            assertThat(adb).hasSize(2).allMatch(f -> f.outcome() == Outcome.FAIL);
            assertThat(adb).anyMatch(f -> f.message().contains("without authentication")
                    && f.evidence().get(0).port() == open.getLocalPort());
            assertThat(adb).anyMatch(f -> f.message().contains("key authentication")
                    && f.evidence().get(0).port() == auth.getLocalPort());
        }
    }
}
