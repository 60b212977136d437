package org.iotb.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.iotb.server.api.ApiJson;
import org.iotb.server.api.ApiRoutes;
import org.iotb.server.ops.Metrics;
import org.iotb.server.ops.OpsRoutes;
import org.iotb.server.ops.RequestLog;
import org.iotb.server.pages.PageRoutes;
import org.iotb.server.security.ErrorMapping;
import org.iotb.server.security.LoginRoutes;
import org.iotb.server.security.LoginThrottle;
import org.iotb.server.security.SecurityFilters;
import org.iotb.server.security.Sessions;
import org.iotb.server.security.Web;
import org.iotb.store.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the web workspace on Javalin (Jetty): in order, the request id, the security filters (headers, who is
 * asking, CSRF), the error mapping, login/logout, /health and /metrics, the REST API under /api/v1, the pages and
 * the static files under /static (from the classpath). Every route reaches data only through the {@link Workspace}.
 */
public final class ServerApp {
    private static final Logger LOG = LoggerFactory.getLogger(ServerApp.class);

    private ServerApp() {
    }

    public static RunningServer start(ServerConfig config, Workspace workspace) {
        try {
            Files.createDirectories(config.uploadScratch());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.uploadScratch(), e);
        }
        Clock clock = Clock.systemUTC();
        Sessions sessions = new Sessions(config.sessionIdle(), clock);
        Web web = new Web(sessions, workspace::authenticateToken, config.secureCookies(), config.uploadLimit());
        LoginThrottle throttle = new LoginThrottle(clock);
        Metrics metrics = new Metrics(config.operations());

        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.bind();
            c.jetty.port = config.port();
            c.jetty.multipartConfig.cacheDirectory(config.uploadScratch().toString());
            c.jetty.multipartConfig.maxFileSize(config.uploadLimit(), SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(config.uploadLimit() + 1024 * 1024, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(1024 * 1024, SizeUnit.BYTES);
            c.jetty.modifyServer(server -> server.setStopTimeout(10_000));
            c.jsonMapper(new ApiJson());
            c.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/static";
                s.location = Location.CLASSPATH;
            });
            c.requestLogger.http((ctx, ms) -> RequestLog.completed(ctx, ms, metrics));
            RequestLog.registerFirst(c.routes);
            SecurityFilters.register(c.routes, web);
            ErrorMapping.register(c.routes, web);
            LoginRoutes.register(c.routes, workspace, web, throttle);
            OpsRoutes.register(c.routes, config.operations(), metrics);
            ApiRoutes.register(c.routes, workspace, web, throttle);
        });
        PageRoutes.register(app, workspace, web);
        app.start();
        String url = "http://" + (config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind()) + ":" + app.port();
        LOG.info("iotb serve listening on {}", url);
        return new RunningServer() {
            @Override
            public int port() {
                return app.port();
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public void stop() {
                app.stop();
                LOG.info("iotb serve stopped");
            }
        };
    }
}
