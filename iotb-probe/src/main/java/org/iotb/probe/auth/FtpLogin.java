package org.iotb.probe.auth;

import java.io.IOException;
import org.iotb.probe.Credential;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.checks.FtpDialog;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Conn;

/** USER/PASS on a fresh FTP connection: 230 = in, 530 = wrong, 421 or a dropped connection = refused. */
public final class FtpLogin implements LoginProbe {
    @Override
    public String protocol() {
        return "ftp";
    }

    @Override
    public LoginResult attempt(ProbeContext ctx, Service s, Credential c) {
        long t0 = 0;
        try (Conn conn = ctx.connect(s.port())) {
            conn.readTimeout(Math.max(ctx.options.readMillis(), 8000));
            String greet = FtpDialog.reply(conn);
            if (greet.startsWith("421")) {
                return new LoginResult(LoginResult.Verdict.REFUSED, 0, greet);
            }
            t0 = System.nanoTime();
            conn.send("USER " + c.username() + "\r\n");
            String u = FtpDialog.reply(conn);
            String p = u;
            if (u.startsWith("331")) {
                conn.send("PASS " + c.password() + "\r\n");
                p = FtpDialog.reply(conn);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            conn.send("QUIT\r\n");
            if (p.startsWith("230")) {
                return new LoginResult(LoginResult.Verdict.SUCCESS, ms, p);
            }
            if (p.startsWith("421")) {
                return new LoginResult(LoginResult.Verdict.REFUSED, ms, p);
            }
            return new LoginResult(p.startsWith("530") ? LoginResult.Verdict.FAILURE : LoginResult.Verdict.UNKNOWN,
                    ms, p);
        } catch (FtpDialog.IncompleteReply e) {
            // the server talks but never completes a reply: neither a refusal nor a rejected password
            return new LoginResult(LoginResult.Verdict.UNKNOWN, 0, "FTP dialogue not completed: " + e.getMessage());
        } catch (IOException e) {
            long ms = t0 == 0 ? 0 : (System.nanoTime() - t0) / 1_000_000;
            return new LoginResult(LoginResult.Verdict.REFUSED, ms, String.valueOf(e.getMessage()));
        }
    }
}
