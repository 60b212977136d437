package org.iotb.firmware.services;

/**
 * What init runs on a terminal: an inittab entry other than sysinit/shutdown ({@code tty} empty = the console),
 * or an entry of BusyBox init's built-in table when the image has no /etc/inittab ({@code builtIn}; {@code source}
 * is then the init program's path and {@code line} 0).
 */
public record ConsoleEntry(String tty, String action, String command, String source, int line, boolean builtIn) { }
