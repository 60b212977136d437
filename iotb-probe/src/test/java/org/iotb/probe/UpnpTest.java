package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * A device-style SSDP responder (no UPnP daemon is started by tests: miniupnpd needs a router setup) and its
 * description document over HTTP: versions in the SSDP SERVER header and in the description are reported.
 */
class UpnpTest {
    @Test
    void ssdpServerHeaderAndDescriptionVersionsAreDisclosed() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        HttpServer http = HttpServer.create(new InetSocketAddress(lo, 0), 5);
        byte[] xml = ("<?xml version=\"1.0\"?><root><device><manufacturer>IoTCam Inc</manufacturer>"
                + "<modelName>CamPro</modelName><modelNumber>CP-200</modelNumber>"
                + "<firmwareVersion>2.3.1-build42</firmwareVersion></device></root>").getBytes(StandardCharsets.UTF_8);
        http.createContext("/desc.xml", ex -> {
            ex.sendResponseHeaders(200, xml.length);
            ex.getResponseBody().write(xml);
            ex.close();
        });
        http.start();
        try (DatagramSocket ssdp = new DatagramSocket(new InetSocketAddress(lo, 0))) {
            Thread responder = new Thread(() -> {
                byte[] buf = new byte[2048];
                try {
                    while (!ssdp.isClosed()) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        ssdp.receive(p);
                        byte[] reply = ("HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nST: upnp:rootdevice\r\n"
                                + "SERVER: Linux/4.9.37 UPnP/1.0 IoTCam/2.3.1\r\nLOCATION: http://127.0.0.1:"
                                + http.getAddress().getPort() + "/desc.xml\r\n\r\n").getBytes(StandardCharsets.UTF_8);
                        ssdp.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                    }
                } catch (Exception closed) {
                    // test over
                }
            });
            responder.setDaemon(true);
            responder.start();
            int none = ServerProcess.freePort();
            ProbeOptions o = ProbeOptions.defaults().withPorts(List.of(none)).withBudget(Duration.ofSeconds(30))
                    .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(700))
                    .withUdp(true, Map.of("ssdp", ssdp.getLocalPort(), "coap", none, "mdns", none, "snmp", none,
                            "tftp", none, "coaps", none));
            ScanResult r = new DeviceScanner().scanResult(new DeviceTarget("127.0.0.1", lo), o, ProgressListener.NONE);
            Finding f = r.findings().stream().filter(x -> x.check().equals("net.disclosure.version")).findFirst()
                    .get();
            assertThat(f.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(f.message()).contains("Linux 4.9.37", "IoTCam 2.3.1", "firmwareVersion=2.3.1-build42")
                    .doesNotContain("UPnP 1.0");
        } finally {
            http.stop(0);
        }
    }
}
