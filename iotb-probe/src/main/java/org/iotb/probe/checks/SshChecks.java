package org.iotb.probe.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Conn;
import org.iotb.probe.ssh.AlgorithmPolicy;
import org.iotb.probe.ssh.AuthMethodsProbe;
import org.iotb.probe.ssh.KexInit;
import org.iotb.probe.ssh.KexInitReader;

/**
 * net.ssh.weak-algorithms (from the server's KEXINIT, graded by data/ssh-grading.yaml: fail what the cited
 * sources reject, warn what they discourage) and net.ssh.password-auth (methods the server allows). */
public final class SshChecks implements DeviceCheck {
    public static final String WEAK = "net.ssh.weak-algorithms";
    public static final String PASSWORD = "net.ssh.password-auth";

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public List<String> checkIds() {
        return List.of(WEAK, PASSWORD);
    }

    @Override
    public List<Finding> run(ProbeContext ctx) {
        List<Service> ssh = ctx.services("ssh");
        if (ssh.isEmpty()) {
            return checkIds().stream().map(id -> Finding.notRun(id, "no SSH service found")).toList();
        }
        List<Finding> out = new ArrayList<>();
        for (Service s : ssh) {
            // one SSH service's failure stays its own: the others are still judged
            out.add(isolated(WEAK, s, () -> weakAlgorithms(ctx, s)));
            out.add(isolated(PASSWORD, s, () -> passwordAuth(ctx, s)));
        }
        return out;
    }

    private static Finding isolated(String id, Service s, java.util.function.Supplier<Finding> judge) {
        try {
            return judge.get();
        } catch (RuntimeException | StackOverflowError e) {
            return Finding.of(id, Outcome.ERROR, "SSH on port " + s.port() + ": check failed: " + e, List.of());
        }
    }

    /** Verdicts per kind and algorithm: {"kex": {"diffie-hellman-group1-sha1": "fail"}, ...}. */
    public static Map<String, Map<String, String>> verdicts(KexInit k) {
        Map<String, Map<String, String>> v = new TreeMap<>();
        k.byKind().forEach((kind, names) -> {
            Map<String, String> m = new LinkedHashMap<>();
            names.forEach(n -> m.put(n, AlgorithmPolicy.of(kind, n).level()));
            v.put(kind, m);
        });
        return v;
    }

    static Finding weakAlgorithms(ProbeContext ctx, Service s) {
        KexInit k;
        try (Conn c = ctx.connect(s.port())) {
            k = KexInitReader.read(c);
        } catch (Exception e) {
            return Finding.notRun(WEAK, "port " + s.port() + ": could not read KEXINIT: " + e.getMessage());
        }
        Map<String, Map<String, String>> v = verdicts(k);
        List<String> fails = new ArrayList<>();
        List<String> warns = new ArrayList<>();
        Map<String, String> sources = new TreeMap<>();
        v.forEach((kind, m) -> m.forEach((name, level) -> {
            AlgorithmPolicy.Verdict verdict = AlgorithmPolicy.of(kind, name);
            String line = kind + " " + name + " (" + verdict.reason() + "; " + verdict.source() + ")";
            if (level.equals("fail")) {
                fails.add(line);
                sources.put(kind + " " + name, verdict.source());
            } else if (level.equals("warn")) {
                warns.add(line);
                sources.put(kind + " " + name, verdict.source());
            }
        }));
        // a cipher and a MAC that are each tolerable can still make a bad pair (CBC with SHA-1)
        AlgorithmPolicy.combinations(k.ciphers(), k.macs()).forEach((pair, verdict) -> {
            String line = "cipher+mac " + pair + " (" + verdict.reason() + "; " + verdict.source() + ")";
            (verdict.level().equals("fail") ? fails : warns).add(line);
            sources.put("cipher+mac " + pair, verdict.source());
        });
        var ev = List.of(Ev.of(ctx, s, "ssh", "SSH-2.0-iotb_probe; read KEXINIT", k.banner() + " kex="
                + String.join(",", k.kex()) + " hostkey=" + String.join(",", k.hostKey()) + " ciphers="
                + String.join(",", k.ciphers()) + " macs=" + String.join(",", k.macs())));
        Map<String, Object> data = Map.of("port", s.port(), "banner", k.banner(), "algorithms", v,
                "sources", sources);
        int total = v.values().stream().mapToInt(Map::size).sum();
        if (!fails.isEmpty()) {
            return Finding.fail(WEAK, Severity.MEDIUM, "SSH on port " + s.port() + " offers weak algorithms: "
                    + String.join("; ", fails), ev).withData(data);
        }
        if (!warns.isEmpty()) {
            return new Finding(WEAK, Outcome.WARNING, Severity.LOW, "SSH on port " + s.port()
                    + " offers algorithms with warnings: " + String.join("; ", warns), ev, data);
        }
        return Finding.pass(WEAK, "SSH on port " + s.port() + ": none of the " + total
                + " offered kex/host-key/cipher/MAC algorithms is rejected or discouraged by the grading sources"
                + " (data/ssh-grading.yaml)", ev).withData(data);
    }

    static Finding passwordAuth(ProbeContext ctx, Service s) {
        AuthMethodsProbe.Attempt a = AuthMethodsProbe.tryPassword(ctx.host(), s.port(), "iotb-probe-no-such-user",
                "iotb-impossible-" + System.nanoTime(), Math.max(ctx.deadline.clip(5000), 1000));
        if (a.loggedIn()) {
            return Finding.fail(PASSWORD, Severity.CRITICAL, "SSH on port " + s.port()
                    + " let a made-up user in with a made-up password", List.of(Ev.of(ctx, s, "ssh",
                    "password auth as iotb-probe-no-such-user", "authenticated")));
        }
        if (!a.talked()) {
            return Finding.notRun(PASSWORD, "SSH on port " + s.port() + ": " + a.message());
        }
        if (a.methods().isEmpty()) {
            return Finding.notRun(PASSWORD, "SSH on port " + s.port() + ": could not learn the allowed methods: "
                    + a.message());
        }
        var ev = List.of(Ev.of(ctx, s, "ssh", "userauth with an impossible password",
                "methods that can continue: " + String.join(",", a.methods())));
        Map<String, Object> data = Map.of("port", s.port(), "methods", a.methods());
        if (a.methods().contains("password") || a.methods().contains("keyboard-interactive")) {
            return new Finding(PASSWORD, Outcome.WARNING, Severity.MEDIUM, "SSH on port " + s.port()
                    + " accepts password logins (" + String.join(",", a.methods()) + ")", ev, data);
        }
        return Finding.pass(PASSWORD, "SSH on port " + s.port() + " allows only " + String.join(",", a.methods()),
                ev).withData(data);
    }
}
