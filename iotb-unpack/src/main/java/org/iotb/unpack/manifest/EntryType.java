package org.iotb.unpack.manifest;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a manifest entry is. Hard links and device nodes are recorded only, never created on disk. */
public enum EntryType {
    FILE("file"), DIRECTORY("dir"), SYMLINK("symlink"), HARDLINK("hardlink"),
    CHAR_DEVICE("char"), BLOCK_DEVICE("block"), FIFO("fifo"), SOCKET("socket");

    private final String json;

    EntryType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static EntryType special(char type) {
        return switch (type) {
            case 'c' -> CHAR_DEVICE;
            case 'b' -> BLOCK_DEVICE;
            case 'p' -> FIFO;
            case 's' -> SOCKET;
            default -> throw new IllegalArgumentException("unknown special type " + type);
        };
    }
}
