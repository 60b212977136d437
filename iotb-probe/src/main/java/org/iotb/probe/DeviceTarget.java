package org.iotb.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * One device the user named. Only names the user typed are probed: a CIDR range is accepted only when the
 * caller explicitly allows ranges, and then at most {@link #MAX_RANGE} addresses.
 */
public record DeviceTarget(String name, InetAddress address) {
    public static final int MAX_RANGE = 16;

    public static DeviceTarget of(String host) throws UnknownHostException {
        if (host == null || host.isBlank() || host.contains("/") || host.contains(",") || host.contains(" ")) {
            throw new IllegalArgumentException("target must be a single host name or IP address: '" + host + "'");
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return new DeviceTarget(host, InetAddress.getByName(h));
    }

    /** A host, or with {@code allowRange} a CIDR block of at most 16 addresses (e.g. 192.0.2.0/28). */
    public static List<DeviceTarget> parse(String spec, boolean allowRange) throws UnknownHostException {
        if (!spec.contains("/")) {
            return List.of(of(spec));
        }
        if (!allowRange) {
            throw new IllegalArgumentException("'" + spec + "' is a range; scanning ranges needs --allow-range");
        }
        String[] parts = spec.split("/", 2);
        InetAddress base = InetAddress.getByName(parts[0]);
        int bits = base.getAddress().length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + spec + "'");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("bad prefix length in '" + spec + "'");
        }
        int hostBits = bits - prefix;
        if (hostBits > 4) {
            throw new IllegalArgumentException("range '" + spec + "' has more than " + MAX_RANGE + " addresses");
        }
        byte[] addr = base.getAddress();
        // clear the host bits, then enumerate them (only in the last byte, since hostBits <= 4)
        int mask = (1 << hostBits) - 1;
        int last = addr[addr.length - 1] & 0xff & ~mask;
        List<DeviceTarget> out = new ArrayList<>();
        for (int i = 0; i <= mask; i++) {
            byte[] a = addr.clone();
            a[a.length - 1] = (byte) (last | i);
            InetAddress ia = InetAddress.getByAddress(a);
            out.add(new DeviceTarget(ia.getHostAddress(), ia));
        }
        return out;
    }
}
