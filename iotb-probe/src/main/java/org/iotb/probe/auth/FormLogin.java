package org.iotb.probe.auth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.probe.Credential;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.checks.Http;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Text;
import org.iotb.probe.proto.HttpResponse;
import org.iotb.probe.web.HtmlForm;
import org.iotb.probe.web.SameHostPath;

/**
 * An HTML form login (a form with a password input on "/" or on a page at most one same-host link or redirect
 * away). Success is decided conservatively against a deliberately wrong password sent first: a login counts only
 * when the wrong password got the form back (no redirect away) and the credential gets either a redirect away from
 * the login page together with a cookie, or a page without a password field.
 */
public final class FormLogin implements LoginProbe {
    private static final int MAX_PAGES = 4;
    private static final java.util.regex.Pattern LOCKED = java.util.regex.Pattern.compile(
            "too many|locked|try again later|blocked|captcha", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final String page;
    private final HtmlForm form;
    private final String submitPath;
    private final String cookie;
    private Boolean baselineUsable;

    FormLogin(String page, HtmlForm form, String submitPath, String cookie) {
        this.page = page;
        this.form = form;
        this.submitPath = submitPath;
        this.cookie = cookie;
    }

    /** Finds a login form on "/" or a few same-host pages it links or redirects to; null when there is none. */
    public static FormLogin detect(ProbeContext ctx, Service s) {
        Set<String> seen = new LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of("/"));
        while (!todo.isEmpty() && seen.size() < MAX_PAGES && !ctx.deadline.expired()) {
            String path = todo.poll();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse r;
            try {
                r = Http.get(ctx, s, path, null);
            } catch (IOException e) {
                continue;
            }
            HtmlForm f = r.status() == 200 ? HtmlForm.find(r.body()) : null;
            if (f != null) {
                String submit = SameHostPath.resolve(path, f.action().isEmpty() ? path : f.action(), ctx.host(),
                        s.port());
                if (submit != null) {
                    return new FormLogin(path, f, submit, sessionCookie(r));
                }
            }
            String loc = r.header("location");
            if (r.status() >= 300 && r.status() < 400 && loc != null) {
                String next = SameHostPath.resolve(path, loc, ctx.host(), s.port());
                if (next != null) {
                    todo.addFirst(next);
                }
            }
            if (path.equals("/") && r.status() == 200) {
                // only links from the start page, and only ones that look like pages (not images or scripts)
                for (String link : HtmlForm.links(r.body(), 40)) {
                    String next = SameHostPath.resolve(path, link, ctx.host(), s.port());
                    if (next != null && looksLikePage(next)) {
                        todo.add(next);
                    }
                }
            }
        }
        return null;
    }

    private static boolean looksLikePage(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        return !p.matches(".*\\.(png|jpe?g|gif|ico|svg|css|js|woff2?|ttf|bin|img|zip|gz|mp4)$");
    }

    private static String sessionCookie(HttpResponse r) {
        String sc = r.header("set-cookie");
        if (sc == null) {
            return null;
        }
        String pair = sc.split(";", 2)[0].trim();
        return pair.contains("=") && pair.length() < 1000 ? Text.printable(pair) : null;
    }

    @Override
    public String protocol() {
        return "http-form";
    }

    /** The deliberately wrong password sent before the first credential counts against the attempt budget. */
    @Override
    public int extraAttempts() {
        return 1;
    }

    /** URL, method and field names of the form, for evidence. */
    @Override
    public String describe(ProbeContext ctx, Service s) {
        return form.method().toUpperCase(java.util.Locale.ROOT) + " " + Http.url(ctx, s, submitPath) + " (form on "
                + page + ", fields " + (form.userField() == null ? "" : form.userField() + ", ") + form.passField()
                + ")";
    }

    @Override
    public LoginResult attempt(ProbeContext ctx, Service s, Credential c) {
        long t0 = System.nanoTime();
        try {
            if (baselineUsable == null) {
                String wrong = "iotb-wrong-" + Long.toHexString(System.nanoTime());
                baselineUsable = judge(ctx, s, submit(ctx, s, c.username(), wrong)) == LoginResult.Verdict.FAILURE;
                t0 = System.nanoTime(); // time only this credential's answer (brute-force timings)
            }
            HttpResponse r = submit(ctx, s, c.username(), c.password());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String reply = describe(ctx, s) + " -> " + Text.printable(r.statusLine())
                    + (r.header("location") != null ? " Location: " + Text.printable(r.header("location")) : "");
            if (!baselineUsable) {
                // a wrong password already looked like a success: this form cannot be judged
                return new LoginResult(LoginResult.Verdict.UNKNOWN, ms, reply + " (a wrong password was not refused"
                        + " recognisably)");
            }
            return new LoginResult(judge(ctx, s, r), ms, reply);
        } catch (IOException e) {
            return new LoginResult(LoginResult.Verdict.REFUSED, (System.nanoTime() - t0) / 1_000_000,
                    String.valueOf(e.getMessage()));
        }
    }

    private LoginResult.Verdict judge(ProbeContext ctx, Service s, HttpResponse r) {
        int st = r.status();
        if (st == 429 || st == 503 || st < 0 || LOCKED.matcher(r.body()).find()) {
            return LoginResult.Verdict.REFUSED;
        }
        if (st >= 300 && st < 400) {
            String loc = r.header("location");
            String to = loc == null ? null : SameHostPath.resolve(submitPath, loc, ctx.host(), s.port());
            boolean backToLogin = to == null || stripQuery(to).equals(stripQuery(page))
                    || stripQuery(to).equals(stripQuery(submitPath)) || to.toLowerCase(java.util.Locale.ROOT)
                    .matches(".*(login|logon|signin|error|fail).*");
            if (backToLogin) {
                return LoginResult.Verdict.FAILURE;
            }
            return r.header("set-cookie") != null ? LoginResult.Verdict.SUCCESS : LoginResult.Verdict.UNKNOWN;
        }
        if (st == 200) {
            if (HtmlForm.hasPasswordField(r.body())) {
                return LoginResult.Verdict.FAILURE;
            }
            // an empty page says nothing either way
            return r.body().isBlank() ? LoginResult.Verdict.UNKNOWN : LoginResult.Verdict.SUCCESS;
        }
        if (st == 401 || st == 403) {
            return LoginResult.Verdict.FAILURE;
        }
        return LoginResult.Verdict.UNKNOWN;
    }

    private static String stripQuery(String p) {
        int q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }

    private HttpResponse submit(ProbeContext ctx, Service s, String user, String password) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>(form.hidden());
        if (form.userField() != null) {
            fields.put(form.userField(), user);
        }
        fields.put(form.passField(), password);
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        String headers = cookie == null ? null : "Cookie: " + cookie + "\r\n";
        if (form.method().equals("post")) {
            return Http.postForm(ctx, s, submitPath, headers, body.toString());
        }
        return Http.get(ctx, s, stripQuery(submitPath) + "?" + body, headers);
    }
}
