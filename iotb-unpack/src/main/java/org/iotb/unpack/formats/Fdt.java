package org.iotb.unpack.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;

/**
 * A flattened device tree (DTB, also the container of U-Boot FIT images), parsed with every offset checked
 * and the node count and depth bounded. Large property values (FIT image data) are kept as (offset, length)
 * references into the source instead of being loaded.
 */
final class Fdt {
    static final int MAGIC = 0xd00dfeed;
    static final int MAX_NODES = 100_000;
    static final int MAX_DEPTH = 64;
    static final int INLINE_VALUE = 4096;
    static final long MAX_STRUCT = 64L << 20;

    /** A property: its bytes when small, always its place in the source. */
    record Prop(String name, byte[] value, long offset, long length) {
    }

    static final class Node {
        final String name;
        final Map<String, Prop> props = new LinkedHashMap<>();
        final List<Node> children = new ArrayList<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String n) {
            for (Node c : children) {
                if (c.name.equals(n)) {
                    return c;
                }
            }
            return null;
        }

        String string(String prop) {
            Prop p = props.get(prop);
            if (p == null || p.value == null) {
                return null;
            }
            return Bytes.cString(p.value, 0, p.value.length);
        }

        Long u32(String prop) {
            Prop p = props.get(prop);
            return p == null || p.value == null || p.value.length != 4 ? null : Bytes.be32(p.value, 0);
        }
    }

    final long totalSize;
    final int version;
    final Node root;

    private Fdt(long totalSize, int version, Node root) {
        this.totalSize = totalSize;
        this.version = version;
        this.root = root;
    }

    /** The tree at {@code off}, or null when the header or structure is invalid. */
    static Fdt parse(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 40)) {
            return null;
        }
        byte[] h = s.bytes(off, 40);
        if ((int) Bytes.be32(h, 0) != MAGIC) {
            return null;
        }
        long total = Bytes.be32(h, 4);
        long offStruct = Bytes.be32(h, 8);
        long offStrings = Bytes.be32(h, 12);
        long offRsv = Bytes.be32(h, 16);
        int version = (int) Bytes.be32(h, 20);
        int lastComp = (int) Bytes.be32(h, 24);
        long sizeStrings = Bytes.be32(h, 32);
        long sizeStruct = version >= 17 ? Bytes.be32(h, 36) : total - offStruct;
        if (total < 40 || total > s.size() - off || version < 16 || version > 17 || lastComp > 17
                || offStruct < 40 || offStruct + sizeStruct > total || offStrings + sizeStrings > total
                || offRsv < 40 || offRsv > total || sizeStruct > MAX_STRUCT || sizeStrings > MAX_STRUCT) {
            return null;
        }
        byte[] strings = s.bytes(off + offStrings, (int) sizeStrings);
        long p = off + offStruct;
        long end = p + sizeStruct;
        Node root = null;
        List<Node> stack = new ArrayList<>();
        int nodes = 0;
        while (p + 4 <= end) {
            int token = (int) Bytes.be32(s.bytes(p, 4), 0);
            p += 4;
            switch (token) {
                case 1 -> {
                    String name = cstr(s, p, end);
                    if (name == null || ++nodes > MAX_NODES || stack.size() >= MAX_DEPTH) {
                        return null;
                    }
                    p += align4(name.getBytes(StandardCharsets.ISO_8859_1).length + 1);
                    Node n = new Node(name);
                    if (stack.isEmpty()) {
                        if (root != null) {
                            return null;
                        }
                        root = n;
                    } else {
                        stack.get(stack.size() - 1).children.add(n);
                    }
                    stack.add(n);
                }
                case 2 -> {
                    if (stack.isEmpty()) {
                        return null;
                    }
                    stack.remove(stack.size() - 1);
                }
                case 3 -> {
                    if (stack.isEmpty() || p + 8 > end) {
                        return null;
                    }
                    byte[] ph = s.bytes(p, 8);
                    long len = Bytes.be32(ph, 0);
                    long nameOff = Bytes.be32(ph, 4);
                    p += 8;
                    if (len > end - p || nameOff >= strings.length) {
                        return null;
                    }
                    String pname = Bytes.cString(strings, (int) nameOff, strings.length - (int) nameOff);
                    byte[] value = len <= INLINE_VALUE ? s.bytes(p, (int) len) : null;
                    stack.get(stack.size() - 1).props.put(pname, new Prop(pname, value, p, len));
                    p += align4(len);
                }
                case 4 -> {
                    // NOP
                }
                case 9 -> {
                    return stack.isEmpty() && root != null ? new Fdt(total, version, root) : null;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private static long align4(long v) {
        return (v + 3) & ~3L;
    }

    private static String cstr(ByteSource s, long p, long end) throws IOException {
        int max = (int) Math.min(256, end - p);
        if (max <= 0) {
            return null;
        }
        byte[] b = s.bytes(p, max);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return new String(b, 0, i, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** A readable source form of the tree (dtc-like); values over the inline limit appear as a size note. */
    String toDts() {
        StringBuilder sb = new StringBuilder("/dts-v1/;\n\n");
        render(root, sb, 0, true);
        return sb.toString();
    }

    private static void render(Node n, StringBuilder sb, int depth, boolean isRoot) {
        String ind = "\t".repeat(depth);
        sb.append(ind).append(isRoot ? "/" : n.name).append(" {\n");
        for (Prop p : n.props.values()) {
            sb.append(ind).append('\t').append(p.name);
            if (p.length > 0) {
                sb.append(" = ").append(value(p));
            }
            sb.append(";\n");
        }
        for (Node c : n.children) {
            render(c, sb, depth + 1, false);
        }
        sb.append(ind).append("};\n");
    }

    private static String value(Prop p) {
        if (p.value == null) {
            return "/incbin/(\"" + p.length + " bytes at offset " + p.offset + "\")";
        }
        byte[] v = p.value;
        if (isStrings(v)) {
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < v.length; i++) {
                if (v[i] == 0) {
                    parts.add("\"" + new String(v, start, i - start, StandardCharsets.ISO_8859_1)
                            .replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
                    start = i + 1;
                }
            }
            return String.join(", ", parts);
        }
        StringBuilder sb = new StringBuilder();
        if (v.length % 4 == 0) {
            sb.append('<');
            for (int i = 0; i < v.length; i += 4) {
                sb.append(i == 0 ? "" : " ").append(String.format("0x%08x", Bytes.be32(v, i)));
            }
            return sb.append('>').toString();
        }
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02x", v[i] & 0xff));
        }
        return sb.append(']').toString();
    }

    private static boolean isStrings(byte[] v) {
        if (v.length == 0 || v[v.length - 1] != 0 || v[0] == 0) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            int c = v[i] & 0xff;
            if (c == 0) {
                if (i > 0 && v[i - 1] == 0) {
                    return false;
                }
            } else if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
