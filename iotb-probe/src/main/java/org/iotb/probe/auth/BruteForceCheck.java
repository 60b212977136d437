package org.iotb.probe.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.probe.Credential;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.checks.Ev;

/**
 * net.auth.bruteforce-resistance (intrusive): N wrong passwords in a row, one after another at full pace, on
 * the first login service. Passes when the device refuses or locks (429/503, dropped connections, lockout),
 * answers slowly (median >= 1 s) or slows down (last third >= 3x the first third); fails when it answers
 * every guess quickly. The timings are in the finding's data. A service that offers no password-based method at
 * all (a key-only SSH server) passes without a guess: what would be measured is the method list saying no.
 */
public final class BruteForceCheck extends LoginCheck {
    public static final String ID = "net.auth.bruteforce-resistance";
    static final long SLOW_MILLIS = 1000;

    public BruteForceCheck() {
        super(ID, "brute-force resistance");
    }

    @Override
    List<Finding> run(ProbeContext ctx, List<LoginTargets.Target> targets) {
        List<Finding> out = new ArrayList<>();
        for (LoginTargets.Target t : targets) {
            out.add(isolated(t, () -> measure(ctx, t)));
        }
        return out;
    }

    static Finding measure(ProbeContext ctx, LoginTargets.Target t) {
        int n = Math.max(6, Math.min(ctx.options.attemptBudget(), 30));
        String where = t.probe().protocol() + " on port " + t.service().port();
        String excluded = t.probe().passwordsExcluded(ctx, t.service(), "admin");
        if (excluded != null) {
            // the refusals would come from the method list, not from a password check: nothing to brute-force
            return Finding.pass(ID, where + " " + excluded + ": no password-based login to guess",
                    List.of(Ev.of(ctx, t.service(), t.probe().protocol(), "authentication methods for admin"
                            + " (no password sent)", excluded))).withData(Map.of("port", t.service().port(),
                    "protocol", t.probe().protocol(), "passwordLogin", false));
        }
        List<Long> times = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        int refused = 0;
        int answered = 0;
        String lastReply = "";
        long start = System.nanoTime();
        for (int i = 0; i < n && !ctx.deadline.expired(); i++) {
            Credential wrong = new Credential("admin", "iotb-wrong-" + i + "-" + Long.toHexString(System.nanoTime()),
                    "brute-force probe");
            LoginResult r = t.probe().attempt(ctx, t.service(), wrong);
            if (r.verdict() == LoginResult.Verdict.SUCCESS) {
                return new Finding(ID, Outcome.ERROR, null, where + " accepted a random password: the login cannot"
                        + " be measured", List.of(Ev.of(ctx, t.service(), t.probe().protocol(), "random password",
                        r.reply())), null);
            }
            times.add(r.millis());
            verdicts.add(r.verdict().name().toLowerCase());
            lastReply = r.reply();
            if (r.verdict() == LoginResult.Verdict.REFUSED) {
                refused++;
            }
            if (r.verdict() != LoginResult.Verdict.UNKNOWN) {
                answered++;
            }
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("port", t.service().port());
        data.put("protocol", t.probe().protocol());
        data.put("attempts", times.size());
        data.put("millis", times);
        data.put("verdicts", verdicts);
        data.put("totalMillis", total);
        if (answered == 0 && !times.isEmpty()) {
            // a service that never completed its protocol has shown neither resistance nor weakness
            return Finding.notRun(ID, where + ": no attempt completed the protocol (" + times.size()
                    + " tried): " + lastReply);
        }
        if (times.size() - answered > answered) {
            // mostly broken exchanges (a flood, a drip, resets): one that looked like a refusal proves no lockout
            return Finding.notRun(ID, where + ": only " + answered + " of " + times.size()
                    + " attempts completed the protocol: " + lastReply);
        }
        if (times.size() < 6) {
            return Finding.notRun(ID, where + ": time budget allowed only " + times.size() + " attempts");
        }
        int third = times.size() / 3;
        long first = median(times.subList(0, third));
        long last = median(times.subList(times.size() - third, times.size()));
        long med = median(times);
        data.put("medianMillis", med);
        String timing = times.size() + " wrong passwords in " + total + " ms (median " + med + " ms, first third "
                + first + " ms, last third " + last + " ms)";
        var ev = List.of(Ev.of(ctx, t.service(), t.probe().protocol(), times.size()
                + " logins as admin with random passwords, back to back", timing + "; last reply: " + lastReply));
        if (refused > 0) {
            return Finding.pass(ID, where + " refused " + refused + " of " + times.size() + " attempts (rate limit or "
                    + "lockout): " + timing, ev).withData(data);
        }
        if (med >= SLOW_MILLIS) {
            return Finding.pass(ID, where + " answers wrong passwords slowly: " + timing, ev).withData(data);
        }
        if (last >= 3 * Math.max(first, 1) && last >= 300) {
            return Finding.pass(ID, where + " slows down under repeated failures: " + timing, ev).withData(data);
        }
        return Finding.fail(ID, Severity.MEDIUM, where + " answered every wrong password at full speed: " + timing,
                ev).withData(data);
    }

    static long median(List<Long> l) {
        long[] a = l.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a.length == 0 ? 0 : a[a.length / 2];
    }
}
