package org.iotb.firmware.services;

/**
 * A shell variable a boot script sets: {@code value} as far as it can be known without running anything (a literal,
 * or the first line of a file of the image read by {@code `cat FILE`} / {@code $(cat FILE)}); {@code file} is that
 * file's path in the image, null for a literal.
 */
public record BootVariable(String name, String value, String source, int line, String file) { }
