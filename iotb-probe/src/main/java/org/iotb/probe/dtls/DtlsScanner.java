package org.iotb.probe.dtls;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.probe.net.Deadline;
import org.iotb.probe.tls.CipherSuite;
import org.iotb.probe.tls.CipherSuites;

/** Per DTLS version, the suites a server accepts (offer all, remove the chosen one, repeat). */
public final class DtlsScanner {
    private DtlsScanner() {
    }

    /** Accepted suites per version label; a version absent from the map was refused. */
    public static Map<String, List<CipherSuite>> audit(InetAddress host, int port, int timeoutMillis,
            Deadline deadline) {
        Map<String, List<CipherSuite>> out = new LinkedHashMap<>();
        for (DtlsVersion v : DtlsVersion.values()) {
            List<Integer> remaining = new ArrayList<>(CipherSuites.legacyCodes());
            List<CipherSuite> accepted = new ArrayList<>();
            while (!remaining.isEmpty() && !deadline.expired()) {
                DtlsHandshake.Result r;
                try {
                    r = DtlsHandshake.run(host, port, v, remaining, timeoutMillis, deadline);
                } catch (IOException e) {
                    break;
                }
                if (!r.accepted() || r.version() != v.wire || !remaining.contains(r.cipher())) {
                    break;
                }
                accepted.add(CipherSuites.byCode(r.cipher()));
                remaining.remove(Integer.valueOf(r.cipher()));
            }
            if (!accepted.isEmpty()) {
                out.put(v.label, accepted);
            }
        }
        return out;
    }
}
