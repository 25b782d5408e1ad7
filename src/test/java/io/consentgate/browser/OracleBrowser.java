package io.consentgate.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.page.Page;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A headless Chromium for loading many untrusted test pages in a row: the same loopback-only flags as
 * {@link BrowserSession}, JavaScript on, and the page's modal dialogs ({@code alert}, {@code confirm},
 * {@code prompt}, {@code print}) replaced before any page script runs, so that a fuzzed page cannot block the driver.
 * Every load waits for the load event and then for the network to go idle ({@link NetworkRecorder}); nothing sleeps.
 */
final class OracleBrowser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OracleBrowser.class);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final String NO_DIALOGS =
        "window.alert = window.confirm = window.prompt = window.print = function () { return null; };";

    private final Path profile;
    private final ChromeDriver driver;
    private final DevTools devTools;
    private final NetworkRecorder recorder;
    private final List<Request> requests = new ArrayList<>();

    /** One request the browser attempted: its URL, the URL of the document it was made for, and its frame. */
    record Request(String url, String documentUrl, String frameId) {
    }

    private OracleBrowser(Path profile, ChromeDriver driver, DevTools devTools, NetworkRecorder recorder) {
        this.profile = profile;
        this.driver = driver;
        this.devTools = devTools;
        this.recorder = recorder;
    }

    static OracleBrowser start() throws IOException {
        Path profile = Files.createTempDirectory("consentgate-oracle-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BROWSER.toFile());
        options.addArguments(Chromium.flags(profile));
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT);
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
            devTools.send(Page.enable(Optional.empty()));
            devTools.send(Page.addScriptToEvaluateOnNewDocument(NO_DIALOGS, Optional.empty(), Optional.empty(),
                Optional.of(true)));
            OracleBrowser browser = new OracleBrowser(profile, driver, devTools, NetworkRecorder.attach(devTools));
            devTools.addListener(Network.requestWillBeSent(),
                e -> browser.record(new Request(e.getRequest().getUrl(), e.getDocumentURL(),
                    e.getFrameId().map(Object::toString).orElse(""))));
            return browser;
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.quit();
            }
            throw e;
        }
    }

    private synchronized void record(Request request) {
        requests.add(request);
    }

    /**
     * Loads {@code url} and returns every request the browser attempted for it (the navigation itself included),
     * once the page has loaded and the network is idle.
     */
    List<Request> load(String url) {
        synchronized (this) {
            requests.clear();
        }
        try {
            driver.get(url);
            new WebDriverWait(driver, SETTLE).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
            recorder.awaitIdle(SETTLE);
        } catch (TimeoutException e) {
            LOG.warn("{} did not settle in {}; keeping the requests made so far; {}", url, SETTLE, recorder.abandon());
        }
        recorder.forget();
        synchronized (this) {
            List<Request> out = List.copyOf(requests);
            requests.clear();
            return out;
        }
    }

    /** Evaluates a JavaScript expression in the current page. */
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
                BrowserSession.deleteRecursively(profile);
            }
        }
    }
}
