package org.iotb.server.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotb.server.RunningServer;
import org.iotb.server.ServerConfig;
import org.iotb.server.ServerStack;
import org.iotb.store.db.Database;
import org.iotb.store.jobs.JobSettings;
import org.iotb.store.testing.Databases;
import org.iotb.store.workspace.ReportFormats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole flow of issue #15 in a real headless Chromium (Debian's chromium and chromium-driver): the admin creates
 * an organisation, an assessor and a reviewer; the assessor creates a product from the example profile, uploads the
 * example firmware, waits for the assessment (the page follows its progress), answers a declaration and sees the
 * verdict change after re-assessing, uploads 1.5.0, compares the two versions and downloads the PDF; the reviewer
 * signs off. It runs on the real workspace (DatabaseWorkspace and its job queue) over SQLite and over a PostgreSQL
 * cluster of its own (skipped when PostgreSQL is not installed). Every page is saved to target/screenshots/KIND for a
 * human look.
 */
@Tag("integration")
class PagesBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path EXAMPLE = Path.of("..", "examples", "smart-lock").toAbsolutePath().normalize();
    static final String ADMIN_PASSWORD = "admin-password-for-the-test";
    static final String PASSWORD = "a-long-enough-password";
    /** A requirement the example's firmware says nothing about: its verdict rests on the declaration alone. */
    static final String DECLARED = "etsi-en-303-645:5.2-1";

    @TempDir
    static Path tmp;
    static RunningServer server;
    static WebDriver browser;
    static Path shots;
    static int shot;

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "chromium or chromedriver missing: install the Debian packages chromium and chromium-driver to run this test");
        org.iotb.server.logging.JsonLog.enable(org.slf4j.event.Level.WARN, System.err); // a server error shows why
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1300,1600", "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void theWholeFlowFromLoginToSignOff(Database.Kind kind) throws Exception {
        Path data = Files.createDirectories(tmp.resolve(kind.name().toLowerCase(java.util.Locale.ROOT)));
        shots = Files.createDirectories(Path.of("target", "screenshots", data.getFileName().toString()).toAbsolutePath());
        shot = 0;
        // the stack `iotb serve` runs: database, blob store, job queue, workspace, web
        try (ServerStack stack = ServerStack.open(ServerConfig.of(data).withPort(0), Databases.url(kind),
                JobSettings.defaults(data).withThreads(1).withTiming(Duration.ofMillis(300), Duration.ofSeconds(2)), 4,
                Duration.ofSeconds(5))) {
            stack.workspace().bootstrapAdmin("admin", ADMIN_PASSWORD.toCharArray());
            server = stack.server();
            browser.manage().deleteAllCookies();
            flow();
        }
    }

    void flow() throws Exception {
        // the admin sets up an organisation and two accounts
        open("/");
        assertThat(browser.getCurrentUrl()).contains("/login");
        screenshot("login");
        login("admin", ADMIN_PASSWORD);
        screenshot("products-empty");
        open("/admin/organisations");
        type("org-name", "Example Devices Ltd");
        submit("org-name");
        assertThat(text(By.id("organisations"))).contains("Example Devices Ltd");
        type("org-name", "Other Client Ltd");
        submit("org-name");
        screenshot("organisations");
        open("/admin/users");
        createUser("anna", "assessor", null);
        createUser("victor", "reviewer", null);
        createUser("carl", "client-viewer", "Other Client Ltd");
        assertThat(text(By.id("users"))).contains("anna").contains("victor");
        screenshot("users");
        logout();

        // the assessor creates the product from the example profile and uploads 1.4.2
        login("anna", PASSWORD);
        new Select(browser.findElement(By.id("organisation"))).selectByVisibleText("Example Devices Ltd");
        type("name", "SL-100 smart lock");
        browser.findElement(By.id("profileFile")).sendKeys(EXAMPLE.resolve("profile.yaml").toString());
        screenshot("new-product-form");
        submit("name");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("SL-100 smart lock");
        String product = browser.getCurrentUrl();
        upload("1.4.2", EXAMPLE.resolve("firmware/sl100-1.4.2-unit1.bin"));
        screenshot("assessment-in-progress");
        String first = waitUntilDone();
        assertThat(browser.findElements(By.cssSelector("#downloads a[data-format]"))).hasSize(ReportFormats.all().size());
        screenshot("assessment-done");
        browser.switchTo().frame(browser.findElement(By.cssSelector("iframe.report")));
        // the report's own filter script runs inside the frame (its inline script is allowed by its hash)
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("f-count")).getText().contains("requirements shown"));
        browser.switchTo().defaultContent();

        // a declaration: the verdict beside the question changes once the version is assessed again
        open(product.replace(url(""), "") + "/declarations");
        String before = evidenceVerdict(DECLARED);
        screenshot("declarations-before");
        WebElement q = question(DECLARED);
        q.findElement(By.cssSelector("input[type=radio][value='Y']")).click();
        q.findElement(By.cssSelector("textarea[id$='-detail']")).sendKeys("Disclosure policy at https://example.invalid/security");
        type("comment", "5.2-1: the disclosure policy is published");
        navigateBy(browser.findElement(By.cssSelector("#declarations-form button[type=submit]")));
        assertThat(text(By.cssSelector(".alert.notice"))).contains("Saved revision 1");
        assertThat(text(By.id("history-table"))).contains("anna").contains(DECLARED + " – → Y");
        open(first.replace(url(""), ""));
        navigateBy(browser.findElement(By.cssSelector("#downloads form button"))); // re-assess
        waitUntilDone();
        open(product.replace(url(""), "") + "/declarations");
        String after = evidenceVerdict(DECLARED);
        screenshot("declarations-after");
        assertThat(after).isEqualTo("pass").isNotEqualTo(before);

        // 1.5.0, then the two versions compared
        open(product.replace(url(""), ""));
        upload("1.5.0", EXAMPLE.resolve("firmware/sl100-1.5.0.bin"));
        String newest = waitUntilDone();
        open(product.replace(url(""), ""));
        assertThat(browser.findElements(By.cssSelector("svg.trend circle"))).isNotEmpty();
        screenshot("product-two-versions");
        navigateBy(browser.findElement(By.cssSelector("#compare-form button")));
        assertThat(text(By.id("diff-summary"))).contains("fixed");
        screenshot("diff");
        browser.switchTo().frame(browser.findElement(By.cssSelector("iframe.report")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("What changed");
        browser.switchTo().defaultContent();

        // the PDF, fetched with the browser's session as the download link would
        open(newest.replace(url(""), ""));
        String pdf = browser.findElement(By.cssSelector("#downloads a[data-format=pdf]")).getAttribute("href");
        Cookie session = browser.manage().getCookieNamed("iotb_session");
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdf))
                .header("Cookie", session.getName() + "=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains(".pdf");
        assertThat(browser.findElements(By.cssSelector("#review form"))).as("an assessor gets no sign-off form").isEmpty();
        logout();

        // the reviewer signs off
        login("victor", PASSWORD);
        open(newest.replace(url(""), ""));
        assertThat(browser.findElements(By.cssSelector("#downloads form"))).as("a reviewer cannot re-assess").isEmpty();
        browser.findElement(By.cssSelector("#review input[value=approved]")).click();
        type("review-comment", "Checked the evidence of the fixed requirements");
        navigateBy(browser.findElement(By.cssSelector("#review form button")));
        assertThat(text(By.cssSelector("ul.reviews"))).contains("approved").contains("victor");
        screenshot("signed-off");
        open("/admin/audit");
        screenshot("audit");
        open("/");
        assertThat(text(By.id("products"))).contains("SL-100 smart lock").contains("1.5.0");
        screenshot("products");
        logout();

        // a client-viewer of another organisation sees neither the product nor that it exists
        login("carl", PASSWORD);
        assertThat(browser.findElements(By.id("products"))).isEmpty();
        assertThat(browser.findElements(By.id("new-product"))).as("no edit form for a client-viewer").isEmpty();
        open(product.replace(url(""), ""));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("404");
        open(newest.replace(url(""), ""));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("404");
        screenshot("client-viewer-404");
    }

    // ---- helpers

    static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    static void open(String path) {
        browser.get(url(path));
    }

    static void login(String user, String password) {
        if (!browser.getCurrentUrl().contains("/login")) {
            open("/login");
        }
        type("username", user);
        type("password", password);
        submit("password");
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("logged in as " + user).isEqualTo("Products");
    }

    static void logout() {
        navigateBy(browser.findElement(By.cssSelector("header form button")));
        assertThat(browser.getCurrentUrl()).contains("/login");
    }

    static void createUser(String name, String role, String organisation) {
        type("username", name);
        type("password", PASSWORD);
        new Select(browser.findElement(By.id("role"))).selectByValue(role);
        if (organisation != null) {
            new Select(browser.findElement(By.id("organisation"))).selectByVisibleText(organisation);
        }
        submit("username");
        assertThat(text(By.cssSelector(".alert.notice"))).contains("Created " + name);
    }

    static void upload(String version, Path image) {
        type("version", version);
        browser.findElement(By.id("image")).sendKeys(image.toString());
        submit("version");
        assertThat(browser.getCurrentUrl()).contains("/assessments/");
    }

    /** Waits (the page polls and reloads itself) until the assessment is done; returns its URL. */
    static String waitUntilDone() {
        new WebDriverWait(browser, Duration.ofMinutes(5), Duration.ofSeconds(1))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            String s = d.findElement(By.id("run-status")).getText();
            assertThat(s).as(d.getPageSource().contains("failure-reason") ? d.findElement(By.id("failure-reason")).getText() : s)
                    .isNotEqualTo("failed");
            return s.equals("done");
        });
        return browser.getCurrentUrl();
    }

    static WebElement question(String key) {
        return browser.findElement(By.cssSelector("li.question[data-key='" + key + "']"));
    }

    static String evidenceVerdict(String key) {
        List<WebElement> v = question(key).findElements(By.cssSelector("aside .verdict"));
        return v.isEmpty() ? "" : v.get(0).getText();
    }

    static void type(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    static void submit(String fieldId) {
        navigateBy(browser.findElement(By.id(fieldId)).findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")));
    }

    /**
     * Clicks a button that leads to a new page and waits until the old page is gone: reading the page right after a
     * click can otherwise find the old page's elements, which go stale under the test's hands.
     */
    static void navigateBy(WebElement button) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(oldPage));
    }

    static String text(By by) {
        return browser.findElement(by).getText();
    }

    static void screenshot(String name) throws Exception {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), shots.resolve(String.format("%02d-%s.png", ++shot, name)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
