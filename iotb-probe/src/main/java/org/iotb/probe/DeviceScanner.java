package org.iotb.probe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotb.model.Finding;
import org.iotb.model.ScanResult;
import org.iotb.model.Tool;
import org.iotb.model.facts.SystemFacts;
import org.iotb.model.check.CheckRunner;
import org.iotb.model.check.TimeBudget;
import org.iotb.probe.checks.FtpAnonymousCheck;
import org.iotb.probe.checks.MqttAnonymousCheck;
import org.iotb.probe.checks.ServiceChecks;
import org.iotb.probe.checks.DtlsChecks;
import org.iotb.probe.auth.BruteForceCheck;
import org.iotb.probe.auth.DefaultCredentialsCheck;
import org.iotb.probe.checks.CoapCheck;
import org.iotb.probe.checks.HttpChecks;
import org.iotb.probe.checks.RobustnessCheck;
import org.iotb.probe.checks.VersionDisclosureCheck;
import org.iotb.probe.checks.SshChecks;
import org.iotb.probe.checks.TlsChecks;
import org.iotb.probe.discovery.PortScanResult;
import org.iotb.probe.facts.DeviceFactsExtractor;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.discovery.ServiceIdentifier;
import org.iotb.probe.discovery.TcpPortScanner;
import org.iotb.probe.discovery.UdpProber;
import org.iotb.probe.net.Deadline;

/**
 * Probes one live device: TCP connect scan, optional UDP discovery, service identification, then every check
 * family under the shared {@link CheckRunner} policy. Everything runs under the global time budget; checks that
 * could not run say why (not-run), a family that throws yields error findings for its ids.
 */
public final class DeviceScanner {
    private final List<DeviceCheck> checks;

    public DeviceScanner() {
        this(defaultChecks());
    }

    public DeviceScanner(List<DeviceCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public static List<DeviceCheck> defaultChecks() {
        return List.of(new ServiceChecks(), new FtpAnonymousCheck(), new TlsChecks(), new SshChecks(),
                new MqttAnonymousCheck(), new HttpChecks(), new CoapCheck(), new DtlsChecks(),
                new VersionDisclosureCheck(), new DefaultCredentialsCheck(), new BruteForceCheck(),
                new RobustnessCheck());
    }

    public List<Finding> scan(DeviceTarget target, ProbeOptions options) {
        return scan(target, options, ProgressListener.NONE);
    }

    public List<Finding> scan(DeviceTarget target, ProbeOptions options, ProgressListener progress) {
        return scanResult(target, options, progress).findings();
    }

    /** A device scan's result together with the typed facts of the device (its listening services). */
    public record DeviceScan(ScanResult result, SystemFacts facts) {
        public List<Finding> findings() {
            return result.findings();
        }
    }

    /** The full `iotb scan device` result: findings plus warnings and statistics. */
    public ScanResult scanResult(DeviceTarget target, ProbeOptions options, ProgressListener progress) {
        return scanWithFacts(target, options, progress).result();
    }

    /** Like {@link #scanResult} and also the device's facts ({@link DeviceFactsExtractor}). */
    public DeviceScan scanWithFacts(DeviceTarget target, ProbeOptions options, ProgressListener progress) {
        long t0 = System.nanoTime();
        Deadline deadline = Deadline.in(options.budget());
        List<String> warnings = new ArrayList<>();
        List<Integer> ports = options.effectivePorts();
        progress.step("TCP connect scan of " + ports.size() + " port(s) on " + target.address().getHostAddress());
        PortScanResult scan;
        try {
            scan = new TcpPortScanner(options.concurrency(), options.ratePerSecond(), options.connectMillis())
                    .scan(target.address(), ports, deadline);
        } catch (IOException e) {
            scan = new PortScanResult(List.of(), 0, 0, ports.size(), 0);
            warnings.add("port scan failed: " + e.getMessage());
        }
        if (!scan.complete()) {
            warnings.add("time budget ran out during the port scan: " + scan.notTried() + " port(s) not tried");
        }
        progress.step(scan.open().size() + " open TCP port(s): " + scan.open());
        List<Service> services = identify(target, options, deadline, scan.open());
        if (options.udp()) {
            progress.step("UDP discovery probes");
            services.addAll(new UdpProber(target.address(), options.readMillis(), deadline, options.udpPorts())
                    .probeAll());
        }
        ProbeContext ctx = new ProbeContext(target, options, deadline, services, scan);
        // one check family after the other; none starts once the scan's budget (port scan included) is spent
        CheckRunner.Result run = CheckRunner.sequential()
                .withBudget(new TimeBudget(options.budget(), deadline::expired))
                .withListener(check -> progress.step("checks: " + check.name()))
                .run(checks, ctx);
        List<Finding> findings = new ArrayList<>(run.findings());
        Map<String, Object> checkMillis = new LinkedHashMap<>(run.millis());
        warnings.addAll(ctx.warnings());
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("portsScanned", ports.size());
        stats.put("openTcpPorts", scan.open());
        stats.put("closedTcpPorts", scan.closed());
        stats.put("filteredTcpPorts", scan.filtered());
        stats.put("portScanMillis", scan.millis());
        stats.put("services", services.size());
        stats.put("intrusive", options.intrusive());
        stats.put("checkMillis", checkMillis);
        stats.put("millis", (System.nanoTime() - t0) / 1_000_000);
        return new DeviceScan(new ScanResult(Tool.nameAndVersion(), target.name(), null, findings, warnings, stats),
                DeviceFactsExtractor.extract(services));
    }

    private List<Service> identify(DeviceTarget target, ProbeOptions options, Deadline deadline, List<Integer> open) {
        ServiceIdentifier id = new ServiceIdentifier(target.address(), options.connectMillis(), options.readMillis(),
                deadline);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, open.size())), r -> {
            Thread t = new Thread(r, "iotb-identify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Service>> fs = new ArrayList<>();
            for (int port : open) {
                fs.add(pool.submit(() -> id.identify(port)));
            }
            List<Service> out = new ArrayList<>();
            for (int i = 0; i < fs.size(); i++) {
                try {
                    out.add(fs.get(i).get());
                } catch (Exception e) {
                    out.add(new Service(open.get(i), "tcp", "unknown", "", false, null));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
