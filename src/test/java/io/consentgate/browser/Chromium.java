package io.consentgate.browser;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where the Debian {@code chromium} and {@code chromium-driver} packages put their executables, and the command line
 * that keeps the browser's traffic on loopback.
 *
 * <p>Paths can be overridden with {@code -Dconsentgate.chromium=...} and {@code -Dconsentgate.chromedriver=...}.
 * Nothing is ever downloaded: the driver is passed explicitly, so Selenium Manager is not consulted.
 */
final class Chromium {

    static final String NOT_INSTALLED =
            "Chromium not installed: apt-get install chromium chromium-driver, or run bash .ci/run";

    /** Every host except 127.0.0.1 resolves to this closed loopback port, so tracker requests fail locally. */
    static final int CLOSED_PORT = 9;

    static final Path BROWSER = Path.of(System.getProperty("consentgate.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("consentgate.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /**
     * Skips the calling test when Chromium or chromedriver is missing, except under {@code CI=true}, where a missing
     * browser fails the build: CI must never skip this test silently.
     */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (installed) {
            return;
        }
        String missing = NOT_INSTALLED + " (looked for " + BROWSER + " and " + DRIVER + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(missing + "; CI=true, so the browser test fails instead of being skipped");
        }
        Assumptions.assumeTrue(false, missing);
    }

    /** Fails unless connecting to {@link #CLOSED_PORT} on loopback is refused, the premise of the host mapping. */
    static void assumeClosedPortIsClosed() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", CLOSED_PORT), 2000);
            fail("something listens on 127.0.0.1:" + CLOSED_PORT + "; tracker requests must hit a closed port");
        } catch (ConnectException expected) {
            // refused: exactly what the host mapping relies on
        } catch (IOException e) {
            fail("cannot probe 127.0.0.1:" + CLOSED_PORT + ": " + e);
        }
    }

    /**
     * The browser flags. {@code --host-resolver-rules} maps every host name and address except 127.0.0.1 to
     * {@code 127.0.0.1:9} inside the browser's own resolver, so no DNS query leaves the machine and a tracker request
     * ends in "connection refused" instead of reaching the vendor; QUIC, background networking, component updates and
     * sync are off so the browser starts no traffic of its own. Site isolation is off so that cross-site iframes
     * (the ad slot) stay in the page's renderer and their requests reach the one DevTools session that records.
     */
    static List<String> flags(Path userDataDir) {
        return List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-site-isolation-trials",
                "--disable-features=IsolateOrigins,site-per-process",
                "--user-data-dir=" + userDataDir,
                "--host-resolver-rules=MAP * 127.0.0.1:" + CLOSED_PORT + ", EXCLUDE 127.0.0.1");
    }
}
