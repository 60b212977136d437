package org.iotb.firmware.tree;

/** What a file in the unpacked image is, decided from its first bytes and its name. */
public enum FileKind {
    ELF, SCRIPT, CONFIG, CERTIFICATE, KEY, WEB_ASSET, SOURCE, TEXT, BINARY, EMPTY
}
