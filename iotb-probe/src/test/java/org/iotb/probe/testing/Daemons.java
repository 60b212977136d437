package org.iotb.probe.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Starts the Debian daemons the device tests talk to, each with its own throwaway configuration. */
public final class Daemons {
    private Daemons() {
    }

    /** True when busybox on this machine has the telnetd applet (busybox-static does; Debian's busybox not). */
    public static boolean hasBusyboxTelnetd() {
        try {
            Process p = new ProcessBuilder("busybox", "--list").redirectErrorStream(true).start();
            String list = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return list.lines().anyMatch(l -> l.trim().equals("telnetd"));
        } catch (Exception e) {
            return false;
        }
    }

    public static ServerProcess telnetd(Path dir, String loginProgram) throws Exception {
        String busybox = ServerProcess.require("busybox");
        int port = ServerProcess.freePort();
        return ServerProcess.start(dir, port, busybox, "telnetd", "-F", "-b", "127.0.0.1:" + port, "-l",
                loginProgram);
    }

    public static ServerProcess vsftpd(Path dir, boolean anonymous) throws Exception {
        String vsftpd = ServerProcess.require("vsftpd");
        int port = ServerProcess.freePort();
        Path d = Files.createDirectories(dir.resolve("vsftpd-" + port));
        Files.createDirectories(d.resolve("empty"));
        Path root = Files.createDirectories(d.resolve("root"));
        Files.writeString(root.resolve("readme.txt"), "hello\n");
        Path conf = d.resolve("vsftpd.conf");
        Files.writeString(conf, String.join("\n",
                "listen=YES", "listen_address=127.0.0.1", "listen_port=" + port, "background=NO",
                "anonymous_enable=" + (anonymous ? "YES" : "NO"), "local_enable=" + (anonymous ? "NO" : "YES"), "write_enable=NO",
                "anon_root=" + root, "secure_chroot_dir=" + d.resolve("empty"), "run_as_launching_user=YES",
                "seccomp_sandbox=NO", "xferlog_enable=NO",
                "ftpd_banner=Welcome to the iotb test FTP service.", "") );
        return ServerProcess.start(d, port, vsftpd, conf.toString());
    }

    public static ServerProcess mosquitto(Path dir, boolean anonymous, String extra) throws Exception {
        String mosq = ServerProcess.require("mosquitto");
        int port = ServerProcess.freePort();
        Path d = Files.createDirectories(dir.resolve("mosquitto-" + port));
        Path conf = d.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", "user root", "persistence false", "log_dest stderr",
                "per_listener_settings false", "allow_anonymous " + anonymous, "listener " + port + " 127.0.0.1",
                extra, ""));
        return ServerProcess.start(d, port, mosq, "-c", conf.toString());
    }
}
