package org.iotb.probe.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** OpenSSH sshd and dropbear with generated host keys and chosen algorithm/password settings. */
public final class SshServers {
    private SshServers() {
    }

    public static ServerProcess sshd(Path dir, String name, String keyType, String extraConfig) throws Exception {
        String sshd = ServerProcess.require("sshd");
        String keygen = ServerProcess.require("ssh-keygen");
        Path run = Path.of("/run/sshd");
        if (!Files.isDirectory(run)) {
            // sshd insists on its privilege-separation directory; it is empty and root-owned by design
            try {
                Files.createDirectories(run);
            } catch (Exception e) {
                Assumptions.assumeTrue(false, "sshd needs /run/sshd and it cannot be created: " + e);
            }
        }
        int port = ServerProcess.freePort();
        Path d = Files.createDirectories(dir.resolve("sshd-" + name + "-" + port));
        Path key = d.resolve("host_" + keyType);
        run(keygen, "-q", "-t", keyType, "-N", "", "-f", key.toString());
        Path conf = d.resolve("sshd_config");
        Files.writeString(conf, String.join("\n", "ListenAddress 127.0.0.1", "UsePAM no", "PidFile none",
                "StrictModes no", "HostKey " + key, extraConfig, ""));
        return ServerProcess.start(d, port, sshd, "-D", "-e", "-f", conf.toString(), "-p", String.valueOf(port));
    }

    public static ServerProcess dropbear(Path dir, boolean passwords) throws Exception {
        String dropbear = ServerProcess.require("dropbear");
        String keygen = ServerProcess.require("dropbearkey");
        int port = ServerProcess.freePort();
        Path d = Files.createDirectories(dir.resolve("dropbear-" + port));
        Path key = d.resolve("host_ed25519");
        run(keygen, "-t", "ed25519", "-f", key.toString());
        return passwords
                ? ServerProcess.start(d, port, dropbear, "-F", "-E", "-p", "127.0.0.1:" + port, "-r", key.toString())
                : ServerProcess.start(d, port, dropbear, "-F", "-E", "-s", "-p", "127.0.0.1:" + port, "-r",
                        key.toString());
    }

    static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }
}
