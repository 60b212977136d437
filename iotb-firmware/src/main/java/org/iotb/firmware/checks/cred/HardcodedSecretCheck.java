package org.iotb.firmware.checks.cred;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Hints;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.checks.rules.Comments;
import org.iotb.firmware.checks.rules.Documentation;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.StringHit;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.cred.hardcoded: passwords and tokens written into configs, scripts and binaries' strings, driven by
 * data/secret-rules.yaml. Generic "password = value" rules only accept a value that is on the default
 * credential list or looks random (length and Shannon entropy), and never a variable, placeholder or
 * reference — so templates and PAM configs do not raise false accusations.
 */
public final class HardcodedSecretCheck implements FirmwareCheck {
    /**
     * One rule: {@code group} is the regex group holding the secret; {@code generic} demands entropy/list;
     * {@code excludePath}, {@code excludeLine} and {@code excludeValue} drop files, lines and values that are
     * UI text or code rather than credentials (translations, form builders, selectors).
     */
    public record SecretRule(String rule, String regex, int group, boolean generic, List<String> scopes,
                             String excludePath, String excludeLine, String excludeValue, List<String> hints) { }

    private record Compiled(SecretRule rule, Pattern pattern, Pattern excludePath, Pattern excludeLine,
                            Pattern excludeValue) { }

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)^(?:\\$.*|%.*|<.*>|\\{.*\\}|\\[.*\\]|`.*|@.*@|x+|\\*+|\\.+|-+|none|null|nil|empty|true|false|yes|no|"
                    + "required|optional|sufficient|requisite|include|password|passwd|secret|token|changeme_later|"
                    + "your_?\\w*|my_?\\w*|example\\w*|dummy\\w*|test|undefined|default|unknown|disabled?|enabled?|"
                    + "on|off|auto|string|value|\\w+\\(.*|.*\\$\\(.*|.*\\$\\{.*)$");
    /**
     * A literal compared with a form field's value: web UIs fill password fields with a fixed marker and test
     * whether the user changed it (Huawei HG532e: this.Password = '@1GV)Z<!' and getValue('Password') != '@1GV)Z<!').
     */
    private static final Pattern FIELD_COMPARED = Pattern.compile(
            "(?:\\.value|\\bval(?:ue)?|getValue\\s*\\([^)]*\\)|\\.[Pp]assw(?:or)?d)\\s*[!=]==?\\s*(['\"])([^'\"]{4,64})\\1"
                    + "|(['\"])([^'\"]{4,64})\\3\\s*[!=]==?\\s*[\\w.\\[\\]-]*(?:\\.value\\b|\\.[Pp]assw(?:or)?d\\b|\\bval(?:ue)?\\b)");
    /**
     * A value that is a piece of program text: the end of one string literal to the start of the next
     * (TOTOLINK config.html: token=")[1]),upload.fileUpload({data:t,url:this.importAction+"), not a secret.
     */
    private static final Pattern CODE = Pattern.compile("\\)\\s*[\\[{,;.+)]|\\(\\s*[{\\[]|\\bthis\\.|\\bfunction\\b|=>|\\)\\s*\\{");
    private final List<Compiled> rules = new ArrayList<>();

    public HardcodedSecretCheck() {
        try (InputStream in = getClass().getResourceAsStream("/org/iotb/firmware/data/secret-rules.yaml")) {
            List<SecretRule> list = Json.yaml().readValue(in, new TypeReference<List<SecretRule>>() { });
            for (SecretRule r : list) {
                rules.add(new Compiled(r, Pattern.compile(r.regex()), compile(r.excludePath()),
                        compile(r.excludeLine()), compile(r.excludeValue())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Pattern compile(String regex) {
        return regex == null ? null : Pattern.compile(regex);
    }

    @Override
    public String id() {
        return "fw.cred.hardcoded";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Evidence> hits = new ArrayList<>();
        java.util.Set<String> uiMarkers = uiPasswordMarkers(ctx);
        int files = 0;
        for (TreeFile f : ctx.tree().files()) {
            boolean binary = f.kind() == FileKind.ELF || f.kind() == FileKind.BINARY;
            FileKind kind = org.iotb.firmware.checks.rules.WebBundles.kindForRules(f); // a bundled web UI is pages
            String scope = scope(kind);
            List<Compiled> applicable = rules.stream().filter(c -> c.rule().scopes().contains(scope)
                    && (c.excludePath() == null || !c.excludePath().matcher(f.path()).find())).toList();
            if (applicable.isEmpty() || Documentation.is(ctx.tree(), f)) {
                continue; // manuals and help text carved out of programs show examples, not the device's secrets
            }
            files++;
            if (binary) {
                for (StringHit s : ctx.tree().strings(f)) {
                    String lower = Hints.lower(s.text());
                    for (Compiled c : applicable) {
                        String secret = secret(c, s.text(), lower);
                        if (secret != null) {
                            hits.add(Evidence.offset(f.path(), s.offset(), c.rule().rule() + ": "
                                    + Results.excerpt(s.text().replace(secret, Results.mask(secret))))
                                    .withFingerprint(Results.sha256(secret)));
                        }
                    }
                }
                continue;
            }
            List<String> lines = ctx.tree().lines(f);
            Comments comments = Comments.of(kind, f.path());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.length() > 4096) {
                    continue;
                }
                String code = comments.code(line); // a commented-out line (a PHP trace) is not in use
                if (code.isBlank() || code.stripLeading().startsWith("#")) {
                    continue;
                }
                String lower = Hints.lower(code);
                for (Compiled c : applicable) {
                    String secret = secret(c, code, lower);
                    if (secret != null && uiMarkers.contains(secret)) {
                        continue; // the UI's "unchanged password" marker, not a credential
                    }
                    if (secret != null) {
                        hits.add(Evidence.line(f.path(), i + 1, c.rule().rule() + ": "
                                + Results.excerpt(line.replace(secret, Results.mask(secret))))
                                .withFingerprint(Results.sha256(secret)));
                        break;
                    }
                }
            }
        }
        hits.addAll(FixedLoginCredentials.evidence(ctx)); // logins fixed by boot commands (telnetd -u user:$var)
        if (files == 0) {
            return List.of(Finding.notRun(id(), "no config, script, web, source or binary file to read"));
        }
        return Results.failOrPass(id(), Outcome.FAIL, Severity.HIGH,
                hits.size() + " hard-coded credential(s) or token(s)", hits,
                "no hard-coded credential in " + files + " file(s) (" + rules.size() + " rules)", List.of());
    }

    /** Literals the image's pages and scripts compare with a form field's value (see FIELD_COMPARED). */
    static java.util.Set<String> uiPasswordMarkers(ScanContext ctx) {
        java.util.Set<String> out = new java.util.HashSet<>();
        // pages unpacked from vendor blobs often have no extension (Huawei's "data"), so every text kind counts
        for (TreeFile f : ctx.tree().files(f -> f.kind() == FileKind.WEB_ASSET || f.kind() == FileKind.TEXT
                || f.kind() == FileKind.SCRIPT || f.kind() == FileKind.SOURCE
                || org.iotb.firmware.checks.rules.WebBundles.kindForRules(f) == FileKind.WEB_ASSET)) {
            for (String line : ctx.tree().lines(f)) {
                if (line.length() > 4096 || line.indexOf('=') < 0) {
                    continue;
                }
                Matcher m = FIELD_COMPARED.matcher(line);
                while (m.find()) {
                    out.add(m.group(2) != null ? m.group(2) : m.group(4));
                }
            }
        }
        return out;
    }

    private static String scope(FileKind k) {
        return switch (k) {
            case ELF, BINARY -> "strings";
            case SCRIPT -> "script";
            case CONFIG -> "config";
            case WEB_ASSET -> "web";
            case SOURCE -> "source";
            case TEXT -> "text";
            default -> "none";
        };
    }

    private static String secret(Compiled c, String line, String lower) {
        if (!Hints.mayMatch(c.rule().hints(), lower)) {
            return null;
        }
        if (c.excludeLine() != null && c.excludeLine().matcher(line).find()) {
            return null;
        }
        Matcher m = c.pattern().matcher(line);
        while (m.find()) {
            String v = m.group(c.rule().group());
            if (v == null || v.isEmpty() || c.excludeValue() != null && c.excludeValue().matcher(v).matches()) {
                continue;
            }
            if (!c.rule().generic() || plausibleSecret(v)) {
                return v;
            }
        }
        return null;
    }

    /** A generic assignment's value counts when it is a known default password or looks randomly chosen. */
    static boolean plausibleSecret(String v) {
        if (PLACEHOLDER.matcher(v).matches() || v.chars().distinct().count() <= 2 || CODE.matcher(v).find()) {
            return false;
        }
        if (v.chars().anyMatch(ch -> ch > 0x7e)) {
            return false; // words of a UI language ("登录密码"): passwords in configs are ASCII
        }
        if (v.chars().noneMatch(Character::isLetterOrDigit)) {
            return false; // a mask such as '!@#$%^' that a page shows in place of the password
        }
        if (DefaultCredentials.isKnownPassword(v)) {
            return true;
        }
        if (v.contains("/") && !v.contains(" ") && v.length() > 1 && v.matches("[/.\\w-]+")
                && v.chars().filter(ch -> ch == '/').count() >= 2) {
            return false; // a file path
        }
        boolean letters = v.chars().anyMatch(Character::isLetter);
        boolean digitsOrSymbols = v.chars().anyMatch(ch -> !Character.isLetter(ch));
        return v.length() >= 8 && letters && digitsOrSymbols && entropy(v) >= 3.0
                && !v.toLowerCase(Locale.ROOT).matches("[a-z_]+\\d?");
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        int[] counts = new int[256];
        for (char ch : s.toCharArray()) {
            counts[ch & 0xff]++;
        }
        double e = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / s.length();
                e -= p * Math.log(p) / Math.log(2);
            }
        }
        return e;
    }
}
