package org.iotb.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.model.Json;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.testing.MisbehavingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DeviceScanCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheFindingsJson() throws Exception {
        try (MisbehavingServers m = new MisbehavingServers()) {
            Path out = dir.resolve("device.json");
            int rc = new CommandLine(new DeviceScanCommand()).execute("127.0.0.1", "--ports",
                    m.silentPort + "," + m.garbagePort, "--format", "json", "--budget", "20", "--timeout", "500",
                    "-q", "-o", out.toString());
            assertThat(rc).isZero();
            ScanResult r = Json.mapper().readValue(Files.readString(out), ScanResult.class);
            assertThat(r.target()).isEqualTo("127.0.0.1");
            assertThat(r.findings()).anyMatch(f -> f.check().equals("net.svc.inventory")
                    && f.outcome() == Outcome.INFO && f.message().contains(String.valueOf(m.garbagePort)));
        }
    }

    @Test
    void refusesRangesWithoutTheFlagAndExplainsOptions() {
        CommandLine cl = new CommandLine(new DeviceScanCommand());
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err));
        assertThat(cl.execute("127.0.0.0/30", "-q")).isNotZero();
        assertThat(err.toString()).contains("--allow-range");
        String help = cl.getUsageMessage();
        assertThat(help).contains("--intrusive", "--budget", "--rate", "--ports", "authorised");
    }

    @Test
    void udpPortsPointTheUdpProbesAndImplyUdp() throws Exception {
        DeviceScanCommand c = new DeviceScanCommand();
        new CommandLine(c).parseArgs("127.0.0.1", "--udp-ports", "coap=15683,5000");
        var o = c.options();
        assertThat(o.udp()).isTrue();
        assertThat(o.udpPorts()).containsEntry("coap", 15683).containsEntry("any:5000", 5000);
        DeviceScanCommand plain = new DeviceScanCommand();
        new CommandLine(plain).parseArgs("127.0.0.1", "--udp");
        assertThat(plain.options().udpPorts()).isEmpty();
        CommandLine bad = new CommandLine(new DeviceScanCommand());
        java.io.StringWriter err = new java.io.StringWriter();
        bad.setErr(new java.io.PrintWriter(err));
        assertThat(bad.execute("127.0.0.1", "--udp-ports", "telnet=23", "-q")).isNotZero();
        assertThat(err.toString()).contains("unknown UDP service 'telnet'");
    }
}
