package org.iotb.firmware.elf;

/** The bytes are not a well-formed ELF file (or lie about their own sizes). */
public class ElfFormatException extends Exception {
    public ElfFormatException(String message) {
        super(message);
    }
}
