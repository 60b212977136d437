package org.iotb.probe.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a real login server (dropbear, vsftpd) that sees a test-written /etc/passwd and /etc/shadow: the server is
 * started inside a private mount namespace (unshare -m) where both files are bind-mounted over the real ones, so
 * the test can give it an "admin" account without adding a user to this machine. The server keeps the host's
 * network namespace and therefore listens on 127.0.0.1 like any other test server.
 */
public final class PrivateAccounts {
    private final Path passwd;
    private final Path shadow;

    private PrivateAccounts(Path passwd, Path shadow) {
        this.passwd = passwd;
        this.shadow = shadow;
    }

    /** Skips the test unless we are root and unshare can really make a mount namespace here. */
    public static void assumeAvailable() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "bind-mounting /etc/passwd in a private mount namespace needs root; skipping");
        String unshare = ServerProcess.require("unshare");
        Process p = new ProcessBuilder(unshare, "-m", "true").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0,
                "unshare -m does not work here (no CAP_SYS_ADMIN?): " + out.trim() + "; skipping");
    }

    /**
     * Writes passwd/shadow with root, nobody and sshd locked (nobody is vsftpd's unprivileged user, sshd OpenSSH's) and one "admin"
     * whose SHA-512 crypt hash of {@code password} comes from openssl. Home is "/" so that servers which change
     * into it after login (vsftpd answers 500 OOPS otherwise) can, whatever the temp dir's permissions.
     */
    public static PrivateAccounts withAdmin(Path dir, String password) throws Exception {
        String openssl = ServerProcess.require("openssl");
        Process p = new ProcessBuilder(openssl, "passwd", "-6", "-stdin").redirectErrorStream(true).start();
        p.getOutputStream().write((password + "\n").getBytes());
        p.getOutputStream().close();
        String hash = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || !hash.startsWith("$6$")) {
            throw new IllegalStateException("openssl passwd -6 failed: " + hash);
        }
        Path d = Files.createTempDirectory(dir, "accounts-");
        Path passwd = d.resolve("passwd");
        Path shadow = d.resolve("shadow");
        Files.writeString(passwd, String.join("\n", "root:x:0:0:root:/root:/bin/sh",
                "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
                // OpenSSH's privilege-separation user
                "sshd:x:4243:65534::/run/sshd:/usr/sbin/nologin", "admin:x:4242:4242:admin:/:/bin/sh", ""));
        Files.writeString(shadow, String.join("\n", "root:*:19000:0:99999:7:::", "nobody:*:19000:0:99999:7:::",
                "admin:" + hash + ":19000:0:99999:7:::", ""));
        return new PrivateAccounts(passwd, shadow);
    }

    /** dropbear with a fresh RSA host key, password logins allowed. */
    public ServerProcess dropbear(Path dir) throws Exception {
        String dropbear = ServerProcess.require("dropbear");
        String keygen = ServerProcess.require("dropbearkey");
        int port = ServerProcess.freePort();
        Path d = Files.createDirectories(dir.resolve("dropbear-ns-" + port));
        Path key = d.resolve("host_rsa");
        SshServers.run(keygen, "-t", "rsa", "-f", key.toString());
        return start(d, port, List.of(dropbear, "-F", "-E", "-p", "127.0.0.1:" + port, "-r", key.toString()));
    }

    /**
     * OpenSSH as Debian ships it: its sshd_config settings (PAM on, keyboard-interactive off, password logins
     * left at the default "yes") and a fresh ECDSA host key, so logins go through pam_unix to our shadow.
     */
    public ServerProcess debianSshd(Path dir) throws Exception {
        String sshd = ServerProcess.require("sshd");
        String keygen = ServerProcess.require("ssh-keygen");
        Files.createDirectories(Path.of("/run/sshd"));
        int port = ServerProcess.freePort();
        Path d = Files.createDirectories(dir.resolve("sshd-ns-" + port));
        Path key = d.resolve("host_ecdsa");
        SshServers.run(keygen, "-q", "-t", "ecdsa", "-N", "", "-f", key.toString());
        Path conf = d.resolve("sshd_config");
        Files.writeString(conf, String.join("\n", "ListenAddress 127.0.0.1", "PidFile none", "HostKey " + key,
                "KbdInteractiveAuthentication no", "UsePAM yes", "X11Forwarding yes", "PrintMotd no",
                "AcceptEnv LANG LC_*", "Subsystem sftp /usr/lib/openssh/sftp-server", ""));
        return start(d, port, List.of(sshd, "-D", "-e", "-f", conf.toString(), "-p", String.valueOf(port)));
    }

    /** vsftpd with local (PAM, Debian's /etc/pam.d/vsftpd → pam_unix → our shadow) logins and no anonymous. */
    public ServerProcess vsftpd(Path dir) throws Exception {
        String vsftpd = ServerProcess.require("vsftpd");
        Assumptions.assumeTrue(Files.isRegularFile(Path.of("/etc/pam.d/vsftpd")),
                "/etc/pam.d/vsftpd is missing (vsftpd package incomplete); skipping");
        int port = ServerProcess.freePort();
        Path d = Files.createDirectories(dir.resolve("vsftpd-ns-" + port));
        Path empty = Files.createDirectories(d.resolve("empty"));
        Path conf = d.resolve("vsftpd.conf");
        Files.writeString(conf, String.join("\n", "listen=YES", "listen_address=127.0.0.1", "listen_port=" + port,
                "background=NO", "anonymous_enable=NO", "local_enable=YES", "write_enable=NO",
                "pam_service_name=vsftpd", "secure_chroot_dir=" + empty, "seccomp_sandbox=NO", "xferlog_enable=NO",
                ""));
        return start(d, port, List.of(vsftpd, conf.toString()));
    }

    private ServerProcess start(Path d, int port, List<String> server) throws Exception {
        // sh only sets up the mounts and then exec's the server, so the process we kill is the server itself
        StringBuilder script = new StringBuilder("mount --bind " + quote(passwd) + " /etc/passwd && mount --bind "
                + quote(shadow) + " /etc/shadow && exec");
        for (String a : server) {
            script.append(' ').append(quote(a));
        }
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.require("unshare"), "-m", "sh", "-c",
                script.toString()));
        return ServerProcess.start(d, port, cmd.toArray(String[]::new));
    }

    private static String quote(Object s) {
        return "'" + s.toString().replace("'", "'\\''") + "'";
    }
}
