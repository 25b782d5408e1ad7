package io.consentgate.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.emulation.Emulation;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.network.model.Cookie;
import org.openqa.selenium.devtools.v156.network.model.Headers;
import org.openqa.selenium.devtools.v156.storage.Storage;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One headless Chromium with a fresh profile, driven through chromedriver, with a DevTools session that records
 * every request ({@link NetworkRecorder}). Every navigation waits for {@code document.readyState == "complete"} and
 * then for the network to go idle; nothing sleeps.
 */
final class BrowserSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserSession.class);
    private static final Duration SETTLE = Duration.ofSeconds(15);

    private final Path profile;
    private final ChromeDriver driver;
    private final DevTools devTools;
    private final NetworkRecorder recorder;

    private BrowserSession(Path profile, ChromeDriver driver, DevTools devTools, NetworkRecorder recorder) {
        this.profile = profile;
        this.driver = driver;
        this.devTools = devTools;
        this.recorder = recorder;
    }

    static BrowserSession start() throws IOException {
        return start(List.of());
    }

    /** Starts a browser with {@link Chromium#flags} plus {@code extraFlags}. */
    static BrowserSession start(List<String> extraFlags) throws IOException {
        long t0 = System.nanoTime();
        Path profile = Files.createTempDirectory("consentgate-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BROWSER.toFile());
        options.addArguments(Chromium.flags(profile));
        options.addArguments(extraFlags);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = null;
        try {
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(SETTLE);
            DevTools devTools = driver.getDevTools();
            devTools.createSession(driver.getWindowHandle());
            BrowserSession session = new BrowserSession(profile, driver, devTools, NetworkRecorder.attach(devTools));
            LOG.info("Chromium {} ready in {} ms", driver.getCapabilities().getBrowserVersion(),
                    (System.nanoTime() - t0) / 1_000_000);
            return session;
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.quit();
            }
            deleteRecursively(profile);
            throw e;
        }
    }

    /**
     * Returns the browser to a first visit: a blank page, no cookies, no cache, no extra request headers, nothing
     * recorded. Cheaper than a new browser, which takes seconds to start on a busy machine.
     */
    void reset() {
        driver.get("about:blank");
        devTools.send(Emulation.setScriptExecutionDisabled(false));
        devTools.send(Network.setExtraHTTPHeaders(new Headers(Map.of())));
        devTools.send(Storage.clearCookies(Optional.empty()));
        devTools.send(Network.clearBrowserCache());
        recorder.awaitIdle(SETTLE);
        recorder.forget();
    }

    /**
     * Turns JavaScript off for the next pages, like a visitor with scripts blocked: the parser then treats
     * {@code <noscript>} content as markup, so its pixels and iframes load.
     */
    void disableJavaScript() {
        devTools.send(Emulation.setScriptExecutionDisabled(true));
    }

    /** Adds {@code name: value} to every request the page makes from now on (navigations and subresources). */
    void sendOnEveryRequest(String name, String value) {
        devTools.send(Network.setExtraHTTPHeaders(new Headers(Map.of(name, value))));
    }

    /** Navigates to {@code url} and waits until the page and the network have settled. */
    void open(String url) {
        driver.get(url);
        settle();
    }

    /** Clicks the button with this visible label, waits for the navigation it causes, and for the network. */
    void clickButtonAndFollow(String label) {
        WebElement button = driver.findElement(By.xpath("//button[normalize-space(.)='" + label + "']"));
        button.click();
        new WebDriverWait(driver, SETTLE).until(ExpectedConditions.stalenessOf(button));
        settle();
    }

    private void settle() {
        long t0 = System.nanoTime();
        new WebDriverWait(driver, SETTLE).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        long loaded = System.nanoTime();
        recorder.awaitIdle(SETTLE);
        LOG.info("{} loaded in {} ms, network idle {} ms later", driver.getCurrentUrl(), (loaded - t0) / 1_000_000,
                (System.nanoTime() - loaded) / 1_000_000);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Every URL the browser attempted since the last {@link #forgetRequests()}. */
    List<String> requestedUrls() {
        return recorder.urls();
    }

    /**
     * Every URL attempted since the last {@link #forgetRequests()}, once they satisfy {@code expected} (waiting up to
     * the settle time for late DevTools events), or as they are when that time is up. For a control page that must
     * make requests; pages that must make none are read with {@link #requestedUrls()}.
     */
    List<String> awaitRequests(java.util.function.Predicate<List<String>> expected) {
        return recorder.awaitUrls(expected, SETTLE);
    }

    void forgetRequests() {
        recorder.forget();
    }

    /** Every cookie in the browser's cookie store, all sites. */
    List<Cookie> cookies() {
        return devTools.send(Storage.getCookies(Optional.empty()));
    }

    /** Every URL-valued attribute in the current DOM ({@code src}, {@code href}, {@code srcset}, {@code action}). */
    @SuppressWarnings("unchecked")
    List<String> urlAttributes() {
        return (List<String>) driver.executeScript(
                "const out = [];"
                        + "for (const el of document.querySelectorAll('[src],[href],[srcset],[action]')) {"
                        + "  for (const a of ['src', 'href', 'srcset', 'action']) {"
                        + "    if (el.hasAttribute(a)) { out.push(el.getAttribute(a)); }"
                        + "  }"
                        + "}"
                        + "return out;");
    }

    /** Waits until the JavaScript condition holds in the page (up to the settle time), then for the network. */
    void waitFor(String condition) {
        new WebDriverWait(driver, SETTLE).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return " + condition)));
        recorder.awaitIdle(SETTLE);
    }

    /** Evaluates a JavaScript expression in the page. */
    Object evaluate(String expression) {
        return driver.executeScript("return " + expression);
    }

    @Override
    public void close() {
        try {
            devTools.close();
        } finally {
            try {
                driver.quit();
            } finally {
                deleteRecursively(profile);
            }
        }
    }

    /** Best effort: a profile file the exiting browser still holds only leaves litter in the temp directory. */
    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // left for the OS to clean up
        }
    }
}
