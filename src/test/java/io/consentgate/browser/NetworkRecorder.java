package io.consentgate.browser;

import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.support.ui.FluentWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;

/**
 * Records every request the page attempts, from the DevTools {@code Network.requestWillBeSent} events (sent before
 * the browser connects, so a request to an unreachable host is recorded too), and tells when the network is idle:
 * every started request has finished or failed and nothing new started for a quiet window.
 *
 * <p>Request ids are compared as strings: the generated DevTools model classes do not define {@code equals}.
 *
 * <p>Events may be delivered on several threads and so out of order (a refused connection's {@code loadingFailed}
 * can overtake its {@code requestWillBeSent}); ended ids are remembered for that. All state is guarded by
 * {@code this}.
 */
final class NetworkRecorder {

    private static final Duration QUIET = Duration.ofMillis(400);

    private final List<String> urls = new ArrayList<>();
    private final Map<String, String> inFlight = new HashMap<>();
    private final Set<String> ended = new HashSet<>();
    private long lastEventNanos = System.nanoTime();

    static NetworkRecorder attach(DevTools devTools) {
        NetworkRecorder recorder = new NetworkRecorder();
        devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        devTools.addListener(Network.requestWillBeSent(), e -> recorder.started(e.getRequestId().toString(),
                e.getRequest().getUrl()));
        devTools.addListener(Network.loadingFinished(), e -> recorder.ended(e.getRequestId().toString()));
        devTools.addListener(Network.loadingFailed(), e -> recorder.ended(e.getRequestId().toString()));
        return recorder;
    }

    private synchronized void started(String id, String url) {
        if (!isNetworkUrl(url)) {
            return;
        }
        urls.add(url);
        if (!ended.contains(id)) {
            inFlight.put(id, url);
        }
        lastEventNanos = System.nanoTime();
    }

    private synchronized void ended(String id) {
        ended.add(id);
        inFlight.remove(id);
        lastEventNanos = System.nanoTime();
    }

    /** Browser-internal pages ({@code chrome:}, {@code data:}, ...) never touch the network and are not recorded. */
    private static boolean isNetworkUrl(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("ws:")
                || lower.startsWith("wss:");
    }

    /** Every URL requested since the last {@link #forget()}, in order, redirects included. */
    synchronized List<String> urls() {
        return List.copyOf(urls);
    }

    /** Drops what was recorded so far (requests still in flight stay tracked for idleness). */
    synchronized void forget() {
        urls.clear();
    }

    private synchronized boolean idle() {
        return inFlight.isEmpty() && System.nanoTime() - lastEventNanos >= QUIET.toNanos();
    }

    private synchronized String pending() {
        return "still in flight: " + inFlight.values() + "; requested so far: " + urls;
    }

    /**
     * Waits until what was recorded satisfies {@code expected}, for at most {@code timeout}, and returns it either
     * way: DevTools delivers events asynchronously, and on a loaded machine a request the page made can be reported
     * after the network looked idle. Only for what a page must request; an absence is checked after
     * {@link #awaitIdle}.
     */
    List<String> awaitUrls(java.util.function.Predicate<List<String>> expected, Duration timeout) {
        try {
            new FluentWait<>(this)
                    .withTimeout(timeout)
                    .pollingEvery(Duration.ofMillis(50))
                    .until(r -> expected.test(r.urls()));
        } catch (org.openqa.selenium.TimeoutException e) {
            // the caller's assertion reports what was recorded
        }
        return urls();
    }

    /**
     * Stops waiting for the requests still in flight and says which they were: a request whose end is never reported
     * (the browser drops some events of a document it has left) would otherwise keep every later load from settling.
     */
    synchronized String abandon() {
        String pending = pending();
        inFlight.clear();
        return pending;
    }

    /** Waits until the network is idle; fails with what is still pending after {@code timeout}. */
    void awaitIdle(Duration timeout) {
        new FluentWait<>(this)
                .withTimeout(timeout)
                .pollingEvery(Duration.ofMillis(50))
                .withMessage(this::pending)
                .until(NetworkRecorder::idle);
    }
}
