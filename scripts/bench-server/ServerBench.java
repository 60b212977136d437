import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.server.ServerConfig;
import org.iotb.server.ServerStack;
import org.iotb.store.db.Database;
import org.iotb.store.jobs.JobSettings;
import org.iotb.store.testing.Databases;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.DatabaseWorkspace;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Role;

/**
 * The web workspace's load benchmark (scripts/bench-server.sh runs it; not a test). Fills a fresh workspace with
 * PRODUCTS x VERSIONS finished assessment runs: one real assessment of the example firmware through the job queue,
 * then its rows copied in the database (firmware version and run, same blobs: no pipeline runs again), and measures
 * requests per second and latency percentiles of the main pages and API routes with CONCURRENCY clients for SECONDS
 * each, logged in with a session like a browser. Prints a Markdown table.
 *
 * <p>java -cp CLASSPATH ServerBench.java sqlite|postgresql [PRODUCTS VERSIONS SECONDS CONCURRENCY]
 */
public class ServerBench {
    static final String PASSWORD = "benchmark-password";

    public static void main(String[] args) throws Exception {
        Database.Kind kind = Database.Kind.valueOf(args[0].toUpperCase(Locale.ROOT));
        int products = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int versions = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        Path example = Path.of("examples", "smart-lock").toAbsolutePath();
        Path data = Files.createTempDirectory("iotb-bench-");
        try (ServerStack stack = ServerStack.open(ServerConfig.of(data).withPort(0), Databases.url(kind),
                JobSettings.defaults(data).withThreads(1), 4, Duration.ofSeconds(5))) {
            DatabaseWorkspace ws = stack.workspace();
            ws.bootstrapAdmin("admin", PASSWORD.toCharArray());
            Actor admin = ws.authenticate("admin", PASSWORD.toCharArray()).orElseThrow();
            long org = ws.createOrganisation(admin, "Bench Devices Ltd").id();
            ws.createUser(admin, "assessor", PASSWORD.toCharArray(), Role.ASSESSOR, null);
            Actor assessor = ws.authenticate("assessor", PASSWORD.toCharArray()).orElseThrow();
            String profile = Files.readString(example.resolve("profile.yaml"));
            long t0 = System.nanoTime();
            List<Long> productIds = new ArrayList<>();
            for (int p = 0; p < products; p++) {
                productIds.add(ws.createProduct(assessor, org, String.format("Bench lock %03d", p), profile).id());
            }
            AssessmentRun seed;
            try (var in = Files.newInputStream(example.resolve("firmware/sl100-1.4.2-unit1.bin"))) {
                seed = ws.uploadFirmware(assessor, productIds.get(0), "seed", "sl100-1.4.2-unit1.bin", in);
            }
            while (seed.status() != JobStatus.DONE) {
                if (seed.status() == JobStatus.FAILED) {
                    throw new IllegalStateException("the seed assessment failed: " + seed.statusDetail());
                }
                Thread.sleep(500);
                seed = ws.assessment(admin, seed.id());
            }
            long seedId = seed.id();
            long seedVersion = seed.firmwareVersionId();
            System.err.printf("seed assessment done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            int copied = copy(stack.database(), productIds, versions, seedVersion, seedId);
            System.err.printf("%d runs copied in %.1f s%n", copied, (System.nanoTime() - t1) / 1e9);

            Client c = Client.login("http://127.0.0.1:" + stack.server().port(), "assessor", PASSWORD);
            long p = productIds.get(products / 2);
            long run = ws.assessments(admin, p).get(0).id();
            List<String[]> routes = List.of(
                    new String[] {"page: product list", "/"},
                    new String[] {"page: product", "/products/" + p},
                    new String[] {"page: assessment", "/assessments/" + run},
                    new String[] {"page: declarations editor", "/products/" + p + "/declarations"},
                    new String[] {"page: assessment status (progress poll)", "/assessments/" + run + "/status"},
                    new String[] {"API: products", "/api/v1/products"},
                    new String[] {"API: product's assessments", "/api/v1/products/" + p + "/assessments"},
                    new String[] {"API: assessment", "/api/v1/assessments/" + run},
                    new String[] {"health", "/health"});
            System.out.printf("%n%s, %d assessment runs (%d products x %d versions + the seed), %d clients, %d s per route%n%n",
                    kind == Database.Kind.SQLITE ? "SQLite" : "PostgreSQL", copied + 1, products, versions, clients, seconds);
            System.out.println("| Route | Path | Requests/s | p50 ms | p95 ms | Errors |");
            System.out.println("|---|---|---:|---:|---:|---:|");
            for (String[] r : routes) {
                c.get(r[1]); // warm up
                Result res = c.load(r[1], clients, Duration.ofSeconds(seconds));
                System.out.printf(Locale.ROOT, "| %s | `%s` | %.0f | %.1f | %.1f | %d |%n", r[0],
                        r[1].replaceAll("/\\d+", "/{id}"), res.perSecond, res.p50, res.p95, res.errors);
            }
        }
    }

    /** Copies the seed's firmware version and run row into every product, VERSIONS times (ids new, blobs shared). */
    static int copy(Database db, List<Long> productIds, int versions, long seedVersion, long seedRun) {
        return db.jdbi().inTransaction(h -> {
            List<String> fv = columns(h, "firmware_versions");
            List<String> ar = columns(h, "assessment_runs");
            String fvInsert = "INSERT INTO firmware_versions (" + String.join(", ", fv) + ") SELECT "
                    + String.join(", ", fv.stream().map(col -> col.equals("product_id") ? ":product" : col.equals("version") ? ":version" : col).toList())
                    + " FROM firmware_versions WHERE id = :seed";
            String arInsert = "INSERT INTO assessment_runs (" + String.join(", ", ar) + ") SELECT "
                    + String.join(", ", ar.stream().map(col -> col.equals("product_id") ? ":product"
                    : col.equals("firmware_version_id") ? ":version" : col).toList())
                    + " FROM assessment_runs WHERE id = :seed";
            int n = 0;
            for (long product : productIds) {
                for (int v = 0; v < versions; v++) {
                    long version = h.createUpdate(fvInsert).bind("product", product).bind("version", "1." + v + ".0")
                            .bind("seed", seedVersion).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                    h.createUpdate(arInsert).bind("product", product).bind("version", version).bind("seed", seedRun).execute();
                    n++;
                }
            }
            return n;
        });
    }

    static List<String> columns(org.jdbi.v3.core.Handle h, String table) {
        List<String> out = new ArrayList<>();
        try (var rs = h.getConnection().createStatement().executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            var md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnName(i).toLowerCase(Locale.ROOT);
                if (!name.equals("id")) {
                    out.add(name);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    record Result(double perSecond, double p50, double p95, long errors) {
    }

    /** A logged-in session over java.net.http (a browser's cookie, no redirects followed). */
    record Client(HttpClient http, String base, String cookie) {
        static Client login(String base, String user, String password) throws Exception {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login form");
            }
            String body = "_csrf=" + m.group(1) + "&username=" + user + "&password=" + password;
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String session = r.headers().firstValue("Set-Cookie").map(s -> s.split(";")[0]).orElse(cookie);
            if (r.statusCode() != 303 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login failed: " + r.statusCode());
            }
            return new Client(http, base, session);
        }

        int get(String path) throws Exception {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode();
        }

        Result load(String path, int clients, Duration duration) throws Exception {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong errors = new AtomicLong();
            long end = System.nanoTime() + duration.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Thread t = new Thread(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long s = System.nanoTime();
                        try {
                            if (get(path) != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        mine.add(System.nanoTime() - s);
                    }
                    latencies.addAll(mine);
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
            double p95 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)) / 1e6;
            return new Result(sorted.size() / (double) duration.toSeconds(), p50, p95, errors.get());
        }
    }
}
