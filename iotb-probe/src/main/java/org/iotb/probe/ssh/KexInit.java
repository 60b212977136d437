package org.iotb.probe.ssh;

import java.util.List;
import java.util.Map;

/** The server's identification line and the algorithm name-lists of its SSH_MSG_KEXINIT (RFC 4253 §7.1). */
public record KexInit(String banner, List<String> kex, List<String> hostKey, List<String> ciphers,
        List<String> macs, List<String> compression) {

    /** The lists by the kind names used in data/ssh-algorithms.csv. Server-to-client and client-to-server are merged. */
    public Map<String, List<String>> byKind() {
        return Map.of("kex", kex, "hostkey", hostKey, "cipher", ciphers, "mac", macs);
    }
}
