package org.iotb.probe.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.iotb.probe.Credential;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Conn;
import org.iotb.probe.net.Text;

/**
 * Telnet login: refuse every option the server proposes (IAC WONT/DONT), answer the login and password prompts,
 * then judge the reply: a failure message or a new login prompt is FAILURE, a shell prompt is SUCCESS.
 */
public final class TelnetLogin implements LoginProbe {
    private static final Pattern LOGIN_PROMPT = Pattern.compile("(?i)(login|user ?name|user)\\s*:\\s*$");
    private static final Pattern PASS_PROMPT = Pattern.compile("(?i)password\\s*:\\s*$");
    private static final Pattern FAILED = Pattern.compile("(?i)(incorrect|failed|denied|invalid|wrong|bad password)");
    private static final int MAX_TEXT = 8192;
    private static final Pattern SHELL = Pattern.compile("[#$>%]\\s*$");

    @Override
    public String protocol() {
        return "telnet";
    }

    @Override
    public LoginResult attempt(ProbeContext ctx, Service s, Credential c) {
        long t0 = 0;
        try (Conn conn = ctx.connect(s.port())) {
            conn.readTimeout(Math.max(ctx.options.readMillis(), 3000));
            String text = until(conn, LOGIN_PROMPT);
            if (!LOGIN_PROMPT.matcher(text).find() || text.length() >= MAX_TEXT) {
                return new LoginResult(LoginResult.Verdict.UNKNOWN, 0, "no login prompt: " + Text.printable(text));
            }
            conn.send(c.username() + "\r\n");
            String p = until(conn, PASS_PROMPT);
            if (!PASS_PROMPT.matcher(p).find()) {
                return new LoginResult(SHELL.matcher(p).find() ? LoginResult.Verdict.SUCCESS
                        : LoginResult.Verdict.UNKNOWN, 0, Text.printable(p));
            }
            t0 = System.nanoTime();
            conn.send(c.password() + "\r\n");
            String r = until(conn, null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String tail = r.strip();
            if (r.length() >= MAX_TEXT) {
                // a server that never pauses is flooding: words in the flood are no answer to our password
                return new LoginResult(LoginResult.Verdict.UNKNOWN, ms, "no answer, only a flood of text: "
                        + Text.printable(tail.substring(0, 120)));
            }
            if (FAILED.matcher(r).find() || LOGIN_PROMPT.matcher(tail).find()) {
                return new LoginResult(LoginResult.Verdict.FAILURE, ms, Text.printable(tail));
            }
            if (SHELL.matcher(tail).find()) {
                return new LoginResult(LoginResult.Verdict.SUCCESS, ms, Text.printable(tail));
            }
            return new LoginResult(r.isEmpty() ? LoginResult.Verdict.REFUSED : LoginResult.Verdict.UNKNOWN, ms,
                    Text.printable(tail));
        } catch (IOException e) {
            long ms = t0 == 0 ? 0 : (System.nanoTime() - t0) / 1_000_000;
            return new LoginResult(LoginResult.Verdict.REFUSED, ms, String.valueOf(e.getMessage()));
        }
    }

    /** Reads text (negotiation stripped and refused) until the pattern matches its end, a pause, or 8 KB. */
    static String until(Conn conn, Pattern done) throws IOException {
        InputStream in = conn.in();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        conn.socket().setSoTimeout(1500);
        long end = System.nanoTime() + 5_000_000_000L;
        try {
            while (text.size() < MAX_TEXT && System.nanoTime() < end) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                if (b == 255) {
                    int cmd = in.read();
                    if (cmd >= 251 && cmd <= 254) {
                        int opt = in.read();
                        // DO -> WONT, WILL -> DONT: we want a plain line-mode session
                        int answer = (cmd == 253 || cmd == 254) ? 252 : 254;
                        conn.send(new byte[] {(byte) 255, (byte) answer, (byte) opt});
                    } else if (cmd == 250) {
                        for (int i = 0; i < 64 && in.read() != 240; i++) {
                            // skip subnegotiation up to SE
                        }
                    }
                    continue;
                }
                text.write(b);
                if (done != null && in.available() == 0
                        && done.matcher(text.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).find()) {
                    break;
                }
            }
        } catch (SocketTimeoutException quiet) {
            // the server is waiting for us
        }
        return text.toString(java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).isEmpty() ? ""
                : text.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
