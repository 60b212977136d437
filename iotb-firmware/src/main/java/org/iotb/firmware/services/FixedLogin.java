package org.iotb.firmware.services;

/**
 * A login fixed by a boot command: a telnet daemon started with {@code -u user:password} (the Alphanetworks SDK's
 * patched telnetd, {@code telnetd -l /usr/sbin/login -u Alphanetworks:$image_sign}). {@code passwordFile} is the
 * image file the password is read from (null when it is written in the command).
 */
public record FixedLogin(String program, String user, String password, String passwordFile, String source, int line,
                         String command) { }
