package org.iotb.probe.checks;

import java.io.IOException;
import org.iotb.probe.net.Conn;

/** Reads one FTP reply, including multi-line "123-...\r\n123 end" replies (bounded to 50 lines). */
public final class FtpDialog {
    private FtpDialog() {
    }

    public static String reply(Conn c) throws IOException {
        String first = c.readLine(1024);
        if (first.length() >= 4 && first.charAt(3) == '-') {
            String code = first.substring(0, 3);
            for (int i = 0; i < 50; i++) {
                String l = c.readLine(1024);
                if (l.startsWith(code + " ")) {
                    return l;
                }
            }
        }
        return first;
    }
}
