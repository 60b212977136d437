package org.iotb.probe.checks;

import java.util.ArrayList;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Severity;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Conn;

/** net.svc.ftp-anonymous: does the FTP server log in "anonymous" (230 after USER/PASS)? */
public final class FtpAnonymousCheck implements DeviceCheck {
    public static final String ID = "net.svc.ftp-anonymous";

    @Override
    public String name() {
        return "ftp";
    }

    @Override
    public List<String> checkIds() {
        return List.of(ID);
    }

    @Override
    public List<Finding> run(ProbeContext ctx) {
        List<Service> ftp = ctx.services("ftp");
        if (ftp.isEmpty()) {
            return List.of(Finding.notRun(ID, "no FTP service found"));
        }
        List<Finding> out = new ArrayList<>();
        for (Service s : ftp) {
            try (Conn c = ctx.connect(s.port())) {
                String greeting = FtpDialog.reply(c);
                c.send("USER anonymous\r\n");
                String user = FtpDialog.reply(c);
                String pass = "";
                if (user.startsWith("331")) {
                    c.send("PASS iotb@example.org\r\n");
                    c.readTimeout(Math.max(ctx.options.readMillis(), 8000));
                    pass = FtpDialog.reply(c);
                }
                boolean in = user.startsWith("230") || pass.startsWith("230");
                if (!in && !user.matches("^[1-5]\\d\\d.*")) {
                    // no FTP reply to USER at all: nothing was refused
                    out.add(Finding.notRun(ID, "FTP on port " + s.port() + ": no FTP reply to USER anonymous: "
                            + org.iotb.probe.net.Text.printable(user)));
                    continue;
                }
                String transcript = greeting + " | " + user + (pass.isEmpty() ? "" : " | " + pass);
                var ev = List.of(Ev.of(ctx, s, "ftp", "USER anonymous / PASS iotb@example.org", transcript));
                out.add(in ? Finding.fail(ID, Severity.HIGH, "FTP on port " + s.port() + " accepts anonymous login", ev)
                        : Finding.pass(ID, "FTP on port " + s.port() + " refused anonymous login", ev));
                c.send("QUIT\r\n");
            } catch (Exception e) {
                out.add(Finding.notRun(ID, "FTP on port " + s.port() + ": " + e.getMessage()));
            }
        }
        return out;
    }
}
