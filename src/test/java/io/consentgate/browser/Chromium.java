package io.consentgate.browser;

import org.junit.jupiter.api.Assumptions;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where the Debian {@code chromium} and {@code chromium-driver} packages put their executables, and the command line
 * that keeps the browser's traffic on loopback.
 *
 * <p>Looked up in {@code /usr/bin}, then on the {@code PATH}; override with {@code -Dconsentgate.chromium=...} and
 * {@code -Dconsentgate.chromedriver=...}.
 * Nothing is ever downloaded: the driver is passed explicitly, so Selenium Manager is not consulted.
 */
final class Chromium {

    static final String NOT_INSTALLED =
            "Chromium not installed: apt-get install chromium chromium-driver, or run bash .ci/run";

    /** Every host except 127.0.0.1 resolves to this closed loopback port, so tracker requests fail locally. */
    static final int CLOSED_PORT = 9;

    static final Path BROWSER = locate("consentgate.chromium", "chromium");
    static final Path DRIVER = locate("consentgate.chromedriver", "chromedriver");

    private Chromium() {
    }

    /** The system property if set, else {@code /usr/bin/NAME}, else the first {@code NAME} on the {@code PATH}. */
    private static Path locate(String property, String name) {
        String configured = System.getProperty(property);
        if (configured != null) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/bin", name);
        if (Files.isExecutable(debian)) {
            return debian;
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return debian;
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** {@code CI=true}: the environment variable CI services set; there a missing browser is a failure. */
    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Why the browser tests cannot run here, or {@code null} when they can. */
    static String missingReason() {
        return installed() ? null : NOT_INSTALLED + " (looked for " + BROWSER + " and " + DRIVER + ")";
    }

    /**
     * Prints the skip reason on the build's console. Surefire shows neither the test's output (it is redirected to
     * files in this build) nor assumption messages, so without this a skip would be silent. The process's own
     * standard error is passed through by surefire.
     */
    static void announceSkip() {
        String reason = missingReason();
        if (reason != null && !underCi()) {
            PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                    StandardCharsets.UTF_8);
            console.println("[WARNING] BrowserEnforcementTest skipped: " + reason);
        }
    }

    /**
     * Skips the calling test when Chromium or chromedriver is missing, except under {@code CI=true}, where a missing
     * browser fails the build: CI must never skip this test silently.
     */
    static void assumeInstalled() {
        String missing = missingReason();
        if (missing == null) {
            return;
        }
        if (underCi()) {
            fail(missing + "; CI=true, so the browser test fails instead of being skipped");
        }
        Assumptions.abort(missing);
    }

    /** Fails unless connecting to {@link #CLOSED_PORT} on loopback is refused, the premise of the host mapping. */
    static void requireClosedPort() {
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
