package org.iotb.probe.checks;

import java.io.IOException;
import org.iotb.probe.net.Conn;

/** Reads one FTP reply, including multi-line "123-...\r\n123 end" replies (bounded to 50 lines). */
public final class FtpDialog {
    private FtpDialog() {
    }

    /** The server did not finish its reply within the bounds: the FTP dialogue could not be completed. */
    public static final class IncompleteReply extends IOException {
        public IncompleteReply(String message) {
            super(message);
        }
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
            // an endless "220-" stream must not be read as a reply (and its last line as an answer to USER)
            throw new IncompleteReply("multi-line " + code + " reply did not end within 50 lines");
        }
        return first;
    }
}
