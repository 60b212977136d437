package org.iotb.cli.scan;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.model.ScanResult;
import org.iotb.probe.DeviceScanner;
import org.iotb.probe.DeviceTarget;
import org.iotb.probe.ProbeOptions;
import org.iotb.probe.ProgressListener;
import org.iotb.probe.net.PortSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `iotb scan device HOST`: probe one live device you own and report per-check findings. */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = {
            "Probe a live device over the network: TCP connect scan, optional UDP discovery, service",
            "identification, then checks (telnet, anonymous FTP, ADB, TLS protocols/ciphers/certificate,",
            "SSH algorithms and password login, HTTP logins and exposed configuration, MQTT, CoAP).",
            "",
            "Only scan devices you own or are authorised to test. Only the host you name is probed;",
            "credential guessing, brute-force measurement and malformed inputs run only with --intrusive.",
            "",
            "Examples:",
            "  iotb scan device 192.168.1.50",
            "  iotb scan device camera.lan --ports all --udp --format json -o camera.json",
            "  iotb scan device 192.168.1.50 --intrusive --attempts 10"},
        sortOptions = false)
public final class DeviceScanCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST",
            description = "Device host name or IP address (a CIDR range only with --allow-range, at most 16 addresses).")
    String host;

    @Option(names = "--ports", paramLabel = "LIST",
            description = "TCP ports: comma list and ranges (22,80,8000-8100) or 'all' for 1-65535. "
                    + "Default: the common IoT ports.")
    String ports;

    @Option(names = "--udp", description = "Also send UDP discovery probes (SSDP, mDNS, CoAP, SNMP, TFTP).")
    boolean udp;

    @Option(names = "--udp-ports", paramLabel = "LIST",
            description = "UDP probes to the ports the device's documentation names (implies --udp): service=port "
                    + "moves a probe (coap, coaps, ssdp, mdns, snmp, tftp), a bare port gets every probe "
                    + "(coap=5684,snmp=1161,5000). Default: the standard ports.")
    String udpPorts;

    @Option(names = "--intrusive", description = "Allow login attempts (default credentials, brute-force "
            + "resistance) and malformed-input robustness tests. May lock accounts, trigger alarms or crash "
            + "the device.")
    boolean intrusive;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "1500",
            description = "Connect timeout per attempt, ms (reads wait up to 4/3 of this). Default: ${DEFAULT-VALUE}.")
    int timeoutMillis;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "300",
            description = "Global time budget; work left when it runs out is reported as not-run. "
                    + "Default: ${DEFAULT-VALUE}.")
    int budgetSeconds;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "20000",
            description = "Most new TCP connections per second during the port scan (0 = no cap). "
                    + "Lower it for fragile devices. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "512",
            description = "Port-scan connections in flight at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "20",
            description = "Login attempts per service for --intrusive checks. Default: ${DEFAULT-VALUE}.")
    int attempts;

    @Option(names = "--credentials", paramLabel = "CSV",
            description = "Default-credential list for --intrusive (username,password,source lines). "
                    + "Default: the built-in list of common IoT defaults.")
    Path credentials;

    @Option(names = "--allow-range", description = "Accept a CIDR range of at most 16 addresses as HOST.")
    boolean allowRange;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: table, json (the findings JSON shared with `iotb scan firmware`) or sarif.")
    String format;

    @Option(names = "--fail-on", defaultValue = "fail",
            description = "fail, warning or none: which outcome makes the exit code 1 (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        ProbeOptions o;
        List<DeviceTarget> targets;
        try {
            o = options();
            targets = DeviceTarget.parse(host, allowRange);
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            // a usage error, not a crash: picocli prints the message and the usage help
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
        }
        ProgressListener progress = quiet ? ProgressListener.NONE : m -> System.err.println("[iotb] " + m);
        List<ScanResult> results = new ArrayList<>();
        for (DeviceTarget t : targets) {
            results.add(new DeviceScanner().scanResult(t, o, progress));
        }
        String text = render(results);
        if (output != null) {
            org.iotb.model.io.SafeOutput.writeString(output, text);
        } else {
            PrintStream out = System.out;
            out.print(text);
            out.flush();
        }
        return exitCode(results);
    }

    /** 1 when a finding fails (or warns, with --fail-on warning), as for `iotb scan firmware`: for CI gates. */
    int exitCode(List<ScanResult> results) {
        if ("none".equals(failOn)) {
            return 0;
        }
        boolean warningsCount = "warning".equals(failOn);
        return results.stream().flatMap(r -> r.findings().stream()).anyMatch(f -> f.outcome() == org.iotb.model.Outcome.FAIL
                || warningsCount && f.outcome() == org.iotb.model.Outcome.WARNING) ? 1 : 0;
    }

    ProbeOptions options() throws java.io.IOException {
        ProbeOptions o = ProbeOptions.defaults()
                .withUdp(udp, java.util.Map.of())
                .withIntrusive(intrusive)
                .withTimeouts(Duration.ofMillis(timeoutMillis), Duration.ofMillis(timeoutMillis * 4L / 3))
                .withRate(rate, concurrency)
                .withAttemptBudget(attempts)
                .withBudget(Duration.ofSeconds(budgetSeconds));
        o = o.withUdpPorts(udpPorts);
        if (credentials != null) {
            org.iotb.model.io.InputFiles.requireFile(credentials, "credentials"); // a FIFO would never end
            o = o.withCredentials(org.iotb.probe.auth.DefaultCredentials.fromFile(credentials));
        }
        return ports == null ? o : o.withPorts(PortSpec.parse(ports));
    }

    String render(List<ScanResult> results) throws Exception {
        if (results.size() == 1) {
            // one device: the same shapes as `iotb scan firmware`
            return FindingsOutput.render(results.get(0), format.toLowerCase(java.util.Locale.ROOT));
        }
        if (format.equalsIgnoreCase("json")) {
            Object value = results.size() == 1 ? results.get(0) : results;
            return Json.mapper().writeValueAsString(value) + "\n";
        }
        if (!format.equalsIgnoreCase("table")) {
            throw new IllegalArgumentException("unknown --format " + format + " (table or json)");
        }
        StringBuilder sb = new StringBuilder();
        for (ScanResult r : results) {
            sb.append("Device ").append(r.target()).append("  (").append(r.stats().get("millis")).append(" ms)\n");
            sb.append(String.format("%-9s %-9s %-32s %s%n", "OUTCOME", "SEVERITY", "CHECK", "MESSAGE"));
            for (Finding f : r.findings()) {
                sb.append(String.format("%-9s %-9s %-32s %s%n", f.outcome().id(),
                        f.severity() == null ? "" : f.severity().id(), f.check(), f.message()));
            }
            for (String w : r.warnings()) {
                sb.append("warning: ").append(w).append('\n');
            }
        }
        return sb.toString();
    }
}
