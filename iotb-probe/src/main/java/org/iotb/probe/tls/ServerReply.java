package org.iotb.probe.tls;

import java.util.List;

/**
 * What the server answered to one ClientHello.
 *
 * @param kind     SERVER_HELLO, HELLO_RETRY (TLS 1.3 asked for another key share: version and suite still chosen),
 *                 ALERT, CLOSED, TIMEOUT or GARBAGE (not TLS at all)
 * @param version  negotiated version (supported_versions for TLS 1.3), or -1
 * @param cipher   chosen suite, or -1
 * @param alert    alert description when kind is ALERT, else -1
 * @param certificates DER certificates from the Certificate message (TLS 1.2 and below), possibly empty
 * @param excerpt  printable excerpt of the reply's first bytes, for evidence
 */
public record ServerReply(Kind kind, int version, int cipher, int alert, List<byte[]> certificates, String excerpt) {
    public enum Kind { SERVER_HELLO, HELLO_RETRY, ALERT, CLOSED, TIMEOUT, GARBAGE }

    public boolean accepted() {
        return kind == Kind.SERVER_HELLO || kind == Kind.HELLO_RETRY;
    }

    static ServerReply of(Kind kind, String excerpt) {
        return new ServerReply(kind, -1, -1, -1, List.of(), excerpt);
    }
}
