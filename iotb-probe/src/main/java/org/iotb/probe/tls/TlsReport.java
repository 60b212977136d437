package org.iotb.probe.tls;

import java.util.List;
import java.util.Map;

/**
 * Everything the TLS audit of one port learned.
 *
 * @param protocols   accepted protocol versions (labels such as TLSv1.2)
 * @param ciphers     accepted suites per protocol label, in the order found
 * @param certificates the served chain (leaf first), DER; empty when none could be read
 * @param evidence    per protocol, the ServerHello excerpt that proved acceptance
 * @param complete    false when the time budget cut the audit short
 */
public record TlsReport(List<String> protocols, Map<String, List<CipherSuite>> ciphers, List<byte[]> certificates,
        Map<String, String> evidence, boolean complete) {
}
