package org.iotb.model.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A service of the product: either a program the image starts at boot ({@link Kind#BOOT}: name, how it is
 * started, the file and line that start it, the command excerpt) or a service found listening on the device
 * ({@link Kind#LISTENING}: identified protocol as name, port, transport, TLS, banner excerpt). Fields that the
 * observation does not know are null.
 *
 * @param name    program name (boot) or identified protocol such as ssh, http, mqtt (listening)
 * @param via     how the image starts it: inittab, rcS, init.d, systemd, inetd, procd … (boot only)
 * @param source  the file that starts it, relative to the image's tree root (boot only)
 * @param line    the line in {@code source} (boot only)
 * @param command a printable excerpt of the start command (boot only)
 * @param port    the port it listens on (listening only)
 * @param transport "tcp" or "udp" (listening only)
 * @param tls     whether it speaks TLS (listening only)
 * @param banner  a printable excerpt of what identified it (listening only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceFact(Kind kind, String name, String via, String source, Integer line, String command,
                          Integer port, String transport, Boolean tls, String banner) {

    /** Where the fact was observed: the image's boot configuration, or a port of the live device. */
    public enum Kind { BOOT, LISTENING }

    public static ServiceFact boot(String name, String via, String source, Integer line, String command) {
        return new ServiceFact(Kind.BOOT, name, via, source, line, command, null, null, null, null);
    }

    public static ServiceFact listening(String name, int port, String transport, boolean tls, String banner) {
        return new ServiceFact(Kind.LISTENING, name, null, null, null, null, port, transport, tls, banner);
    }

    /** The same boot service, its {@code source} under {@code prefix} (a root file system's directory). */
    public ServiceFact withSourcePrefix(String prefix) {
        if (source == null || source.contains(":")) {
            return this;
        }
        return new ServiceFact(kind, name, via, prefix + "/" + source, line, command, port, transport, tls, banner);
    }
}
