package org.iotb.probe.proto;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/** The discovery datagrams: SSDP M-SEARCH, mDNS service enumeration, CoAP /.well-known/core, SNMP, TFTP. */
public final class UdpPayloads {
    private UdpPayloads() {
    }

    public static byte[] forService(String svc, InetAddress host) {
        return switch (svc) {
            case "ssdp" -> ("M-SEARCH * HTTP/1.1\r\nHOST: " + host.getHostAddress() + ":1900\r\n"
                    + "MAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            case "mdns" -> mdnsServices();
            case "coap" -> Coap.get(0x1b0d, ".well-known", "core");
            case "snmp" -> SNMP_SYSDESCR.clone();
            case "tftp" -> ("\0\1iotb-probe-nonexistent\0octet\0").getBytes(StandardCharsets.US_ASCII);
            default -> throw new IllegalArgumentException(svc);
        };
    }

    /** SNMPv1 GetRequest for sysDescr.0 with the well-known read community "public". */
    private static final byte[] SNMP_SYSDESCR = {
        0x30, 0x29, 0x02, 0x01, 0x00, 0x04, 0x06, 'p', 'u', 'b', 'l', 'i', 'c', (byte) 0xa0, 0x1c, 0x02, 0x04,
        0x1b, 0x0d, 0x0a, 0x0b, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06,
        0x01, 0x02, 0x01, 0x01, 0x01, 0x00, 0x05, 0x00};

    /** A unicast DNS query for _services._dns-sd._udp.local PTR (RFC 6763 service enumeration). */
    private static byte[] mdnsServices() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
        for (String label : new String[] {"_services", "_dns-sd", "_udp", "local"}) {
            o.write(label.length());
            o.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        o.write(0);
        o.writeBytes(new byte[] {0x00, 0x0c, (byte) 0x80, 0x01});
        return o.toByteArray();
    }
}
