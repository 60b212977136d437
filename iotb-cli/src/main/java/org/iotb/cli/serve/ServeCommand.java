package org.iotb.cli.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.iotb.server.Backup;
import org.iotb.server.ExampleProduct;
import org.iotb.server.ServerConfig;
import org.iotb.server.ServerStack;
import org.iotb.server.logging.JsonLog;
import org.iotb.store.db.Database;
import org.iotb.store.jobs.JobSettings;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.slf4j.event.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iotb serve}: the web workspace (pages and /api/v1) over one database and a blob store in the data
 * directory, with the job queue working in this process. What it does beyond options and printing is
 * {@link ServerStack} (iotb-server).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the web workspace: products, firmware versions, assessments in the background, declarations,"
                + " reviews, one database.",
                "The first start creates the admin account (password from IOTB_ADMIN_PASSWORD, or a generated one"
                        + " printed once) and loads the example product (the smart lock with two firmware versions) into"
                        + " an empty workspace; open the printed URL and log in.",
                "Examples:",
                "  iotb serve --load-example",
                "  iotb serve --db 'jdbc:postgresql://db/iotb?user=iotb' --workers 4",
                "  iotb serve --backup backup.db",
                "Exit code: 0 after a clean shutdown (SIGTERM or Ctrl-C) or a written backup, 2 bad usage or input."})
public final class ServeCommand implements Callable<Integer> {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "address to listen on; 0.0.0.0 exposes the workspace to the network, put it behind an https"
                    + " proxy then (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--data", defaultValue = "iotb-data", paramLabel = "DIR",
            description = "the data directory: the SQLite database, the blobs (images, assessments), scratch; the only"
                    + " place the server writes (default: ./${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--db", paramLabel = "URL",
            description = "a PostgreSQL database instead of SQLite: jdbc:postgresql://HOST/DB?user=U (password in the URL"
                    + " or PGPASSWORD)")
    String db;

    @Option(names = "--workers", defaultValue = "2", paramLabel = "N",
            description = "assessments run at the same time in this process (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--admin", defaultValue = "admin", paramLabel = "USER",
            description = "name of the admin account the first start creates (default: ${DEFAULT-VALUE})")
    String admin;

    @Option(names = "--load-example", description = "load the example product (examples/smart-lock) if it is not there yet")
    boolean loadExample;

    @Option(names = "--secure-cookies",
            description = "mark the session cookie Secure (when users reach the server through https)")
    boolean secureCookies;

    @Option(names = "--grace", defaultValue = "30", paramLabel = "SECONDS",
            description = "at shutdown, how long running assessments may finish before they are queued again"
                    + " (default: ${DEFAULT-VALUE})")
    int graceSeconds;

    @Option(names = "--backup", paramLabel = "FILE",
            description = "write a consistent copy of the SQLite database to FILE and the list of blobs to FILE.blobs.txt,"
                    + " then exit (PostgreSQL: use pg_dump)")
    Path backup;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535 || workers < 1 || graceSeconds < 0) {
            err.println("iotb serve: --port must be 0-65535, --workers at least 1, --grace not negative");
            return 2;
        }
        if (backup != null) {
            return backup(out, err);
        }
        JsonLog.enable(Level.INFO, System.err);
        ServerConfig config = ServerConfig.of(data.toAbsolutePath().normalize()).withPort(port).withBind(bind)
                .withSecureCookies(secureCookies);
        JobSettings jobs = JobSettings.defaults(config.dataDir()).withThreads(workers);
        ServerStack stack;
        try {
            stack = ServerStack.open(config, db, jobs, 0, Duration.ofSeconds(graceSeconds));
        } catch (IOException | RuntimeException e) {
            err.println("iotb serve: cannot start: " + e.getMessage());
            err.flush();
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "iotb-serve-shutdown"));
        try {
            boolean firstStart = bootstrapAdmin(stack, err);
            if (loadExample || firstStart && stack.workspace().products(operator(stack)).isEmpty()) {
                loadExample(stack, err);
            }
        } catch (IOException | RuntimeException e) {
            err.println("iotb serve: " + e.getMessage());
            err.flush();
            stack.close();
            return 2;
        }
        out.println("iotb serve: the workspace is at " + stack.server().url() + " (log in as '" + admin + "')");
        out.println("data: " + config.dataDir() + "; database: " + stack.database() + "; stop with Ctrl-C or SIGTERM");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Creates the admin on the very first start; true when it did. */
    private boolean bootstrapAdmin(ServerStack stack, PrintWriter err) {
        String fromEnv = System.getenv("IOTB_ADMIN_PASSWORD");
        String password = fromEnv != null && !fromEnv.isEmpty() ? fromEnv : generatedPassword();
        char[] secret = password.toCharArray();
        if (!stack.workspace().bootstrapAdmin(admin, secret)) {
            return false;
        }
        if (fromEnv != null && !fromEnv.isEmpty()) {
            err.println("iotb serve: created the admin account '" + admin + "' with the password in IOTB_ADMIN_PASSWORD");
        } else {
            err.println("iotb serve: created the admin account '" + admin + "'; its password (shown only now): " + password);
        }
        err.flush();
        return true;
    }

    private Actor operator(ServerStack stack) {
        return stack.operator(admin).orElseThrow(() -> new IllegalStateException(
                "no account '" + admin + "' to load the example as (name the admin with --admin)"));
    }

    private void loadExample(ServerStack stack, PrintWriter err) throws IOException {
        Path example = ExampleProduct.find();
        if (example == null) {
            String msg = "the example (examples/smart-lock) was not found; run from the iotb directory or set IOTB_EXAMPLES";
            if (loadExample) {
                throw new IOException(msg);
            }
            err.println("iotb serve: " + msg);
            return;
        }
        List<AssessmentRun> runs = ExampleProduct.load(stack.workspace(), operator(stack), example);
        if (runs.isEmpty()) {
            err.println("iotb serve: the example product is already loaded");
        } else {
            err.println("iotb serve: loaded '" + ExampleProduct.PRODUCT + "' with firmware 1.4.2 and 1.5.0; assessment runs "
                    + runs.stream().map(r -> Long.toString(r.id())).reduce((a, b) -> a + " and " + b).orElse("")
                    + " are queued");
        }
        err.flush();
    }

    private int backup(PrintWriter out, PrintWriter err) {
        try (Database database = Database.open(db, data.toAbsolutePath().normalize())) {
            Backup.Result r = Backup.write(database, data, backup);
            out.println(r.database());
            out.println(r.blobList() + " (" + r.blobs() + " blobs; copy " + data.resolve("blobs") + " too)");
            out.flush();
            return 0;
        } catch (UnsupportedOperationException e) {
            err.println("iotb serve --backup: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("iotb serve --backup: " + e.getMessage());
            return 2;
        }
    }

    private static String generatedPassword() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
