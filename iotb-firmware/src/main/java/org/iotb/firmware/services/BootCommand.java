package org.iotb.firmware.services;

/**
 * A command that runs at boot: {@code program} is the basename of what is started, {@code command} the
 * command line as written, {@code source}/{@code line} where it was found, {@code via} the mechanism
 * (inittab, rcS, init.d, systemd, procd, inetd, xinetd).
 */
public record BootCommand(String program, String command, String source, int line, String via) { }
