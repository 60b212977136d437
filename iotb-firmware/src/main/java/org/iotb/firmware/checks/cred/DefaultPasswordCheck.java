package org.iotb.firmware.checks.cred;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.cred.default-password: tries the known IoT default passwords against every crypt hash, bounded by a
 * number of hashes, words per hash and a time budget. The cracked password is named in the excerpt only when
 * it is on the public default list (that is the finding); hashes are represented by their fingerprint. Logins of
 * vendor default configurations ({@link ConfigCredentials}: Tenda's sys.baseusername=user / sys.baseuserpass=user)
 * whose password is the user name or a listed default are reported too.
 */
public final class DefaultPasswordCheck implements FirmwareCheck {
    static final int MAX_HASHES = 64;
    static final int MAX_WORDS = 400;
    /**
     * The size of the word list as reports state it. (Until schema 2.0 reports said one more: the former loader
     * counted the CSV's header row as a credential.)
     */
    static final int REPORTED_WORDS = DefaultCredentials.all().size();

    @Override
    public String id() {
        return "fw.cred.default-password";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Account> hashed = AccountFiles.read(ctx.tree()).stream().filter(Account::hasHash).toList();
        List<Evidence> configHits = configDefaults(ConfigCredentials.read(ctx.tree()));
        if (hashed.isEmpty() && configHits.isEmpty()) {
            return List.of(Finding.notRun(id(), "no password hash in any passwd/shadow file"));
        }
        long deadline = System.nanoTime() + ctx.options().crackBudget().toNanos();
        Map<String, String> cracked = new HashMap<>(); // hash → password, so duplicates are tried once
        List<Evidence> hits = new ArrayList<>();
        List<Evidence> tested = new ArrayList<>();
        List<String> unverifiable = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        int n = 0;
        for (Account a : hashed) {
            String hash = a.secret();
            CryptScheme scheme = CryptScheme.of(hash);
            Evidence base = Evidence.line(a.file(), a.line(), a.user() + ": " + scheme.label)
                    .withFingerprint(Results.sha256(hash));
            if (!CryptVerifier.verifiable(hash)) {
                unverifiable.add(a.user() + " (" + scheme.label + ", not verifiable)");
                continue;
            }
            if (++n > MAX_HASHES) {
                incomplete.add(a.user() + " (hash limit)");
                continue;
            }
            String found = cracked.get(hash);
            boolean complete = true;
            if (found == null && !cracked.containsKey(hash)) {
                List<String> words = DefaultCredentials.candidatesFor(a.user());
                int tried = 0;
                for (String w : words) {
                    if (tried++ >= MAX_WORDS || System.nanoTime() > deadline) {
                        complete = false;
                        break;
                    }
                    if (CryptVerifier.matches(hash, w)) {
                        found = w;
                        break;
                    }
                }
                if (found != null || complete) {
                    cracked.put(hash, found);
                }
            }
            if (found != null) {
                String shown = DefaultCredentials.isKnownPassword(found) || found.equals(a.user())
                        ? "'" + found + "'" : "(not shown)";
                String how = found.isEmpty() ? "empty password" : found.equals(a.user())
                        ? "password equals the user name " + shown : "password found in default list (" + shown + ")";
                hits.add(base.withExcerpt(a.user() + ": " + scheme.label + ", " + how));
            } else if (!complete) {
                incomplete.add(a.user() + " (time budget " + Duration.ofNanos(ctx.options().crackBudget().toNanos())
                        .toSeconds() + " s)");
            } else {
                tested.add(base);
            }
        }
        hits.addAll(configHits);
        Map<String, Object> data = new HashMap<>();
        data.put("wordlist", DefaultCredentials.RESOURCE);
        data.put("words", REPORTED_WORDS);
        if (!hits.isEmpty()) {
            String msg = hits.size() + " account(s) use a well-known default password";
            if (!unverifiable.isEmpty() || !incomplete.isEmpty()) {
                msg += "; not tested: " + Results.list(concat(unverifiable, incomplete), 8);
            }
            return List.of(new Finding(id(), Outcome.FAIL, Severity.CRITICAL, msg, hits, data));
        }
        if (tested.isEmpty()) {
            return List.of(Finding.notRun(id(), "no hash could be tested: "
                    + Results.list(concat(unverifiable, incomplete), 8)).withData(data));
        }
        String msg = tested.size() + " hash(es) tested against " + REPORTED_WORDS
                + " default credentials, none matched";
        if (!unverifiable.isEmpty() || !incomplete.isEmpty()) {
            msg += "; not tested: " + Results.list(concat(unverifiable, incomplete), 8);
            return List.of(new Finding(id(), Outcome.WARNING, Severity.LOW, msg, tested, data));
        }
        return List.of(Finding.pass(id(), msg, tested).withData(data));
    }

    /**
     * Vendor default configurations (ConfigCredentials) whose password equals the user name or is a well-known
     * default: the factory login of the device's web UI or services, written in the image.
     */
    static List<Evidence> configDefaults(List<ConfigCredentials.ConfigLogin> logins) {
        List<Evidence> out = new ArrayList<>();
        for (ConfigCredentials.ConfigLogin l : logins) {
            String p = l.password();
            if (p.isEmpty() || !(p.equals(l.user()) || DefaultCredentials.isKnownPassword(p))) {
                continue;
            }
            String how = p.equals(l.user()) ? "password equals the user name" : "password on the default list";
            out.add(Evidence.line(l.file(), l.line(), "vendor default configuration: " + l.userKey() + "="
                    + l.user() + ", " + l.passwordKey() + "='" + p + "' (" + how + ")")
                    .withFingerprint(Results.sha256(l.user() + ":" + p)));
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
