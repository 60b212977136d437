package org.iotb.fs.common;

import java.nio.charset.StandardCharsets;

/** Decodes and vets one path component read from an image. */
public final class Names {
    private Names() {
    }

    public static String decode(byte[] raw, int off, int len) {
        return new String(raw, off, len, StandardCharsets.UTF_8);
    }

    /**
     * Why a component must not be used (null when it is fine). The sink sanitises paths too; refusing here
     * keeps a hostile entry from being reported under a misleading path.
     */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        if (name.equals(".") || name.equals("..")) {
            return "name '" + name + "'";
        }
        if (name.indexOf('/') >= 0) {
            return "name contains '/'";
        }
        if (name.indexOf('\0') >= 0) {
            return "name contains NUL";
        }
        return null;
    }

    public static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }
}
