package org.iotb.probe.net;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Parses the --ports syntax: "22,80,8000-8100", or "all" for 1-65535. */
public final class PortSpec {
    private PortSpec() {
    }

    public static List<Integer> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty port list");
        }
        TreeSet<Integer> ports = new TreeSet<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.equalsIgnoreCase("all") || p.equals("-")) {
                addRange(ports, 1, 65535);
            } else if (p.contains("-")) {
                String[] ends = p.split("-", 2);
                addRange(ports, port(ends[0]), port(ends[1]));
            } else if (!p.isEmpty()) {
                ports.add(port(p));
            }
        }
        return new ArrayList<>(ports);
    }

    private static void addRange(TreeSet<Integer> ports, int from, int to) {
        if (from > to) {
            throw new IllegalArgumentException("port range " + from + "-" + to + " is reversed");
        }
        for (int i = from; i <= to; i++) {
            ports.add(i);
        }
    }

    private static int port(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("port out of range: " + s);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: '" + s + "'");
        }
    }
}
