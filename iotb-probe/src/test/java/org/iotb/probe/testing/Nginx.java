package org.iotb.probe.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** nginx from Debian with a throwaway configuration: one server block on a loopback port. */
public final class Nginx {
    private Nginx() {
    }

    /**
     * @param serverBlock directives inside "server { listen 127.0.0.1:PORT ...; HERE }"
     * @param listenFlags e.g. "ssl" or ""
     */
    public static ServerProcess start(Path dir, String listenFlags, String serverBlock) throws Exception {
        String nginx = ServerProcess.require("nginx");
        int port = ServerProcess.freePort();
        Path prefix = Files.createDirectories(dir.resolve("nginx-" + port));
        Files.createDirectories(prefix.resolve("logs"));
        String conf = """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 512; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  limit_req_zone $binary_remote_addr zone=login:1m rate=2r/s;
                  server {
                    listen 127.0.0.1:%2$d %3$s;
                    %4$s
                  }
                }
                """.formatted(prefix, port, listenFlags, serverBlock);
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        return ServerProcess.start(prefix, port, nginx, "-p", prefix.toString(), "-c", confFile.toString());
    }
}
