package io.consentgate.demo.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A standalone container started as its own operating-system process, listening on 127.0.0.1 only. Its standard
 * output and error go to one file; {@link #log()} adds the files of its log directory. {@link #close()} ends the
 * whole process tree (a launcher script's children included), so a failed run leaves no server behind.
 */
final class ContainerProcess implements AutoCloseable {

    /** How long a container may take to deploy the WAR and answer (a 2-core CI machine, a cold JVM). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** How long a webapp may still answer non-200 once the server answers HTTP. */
    private static final Duration DEPLOY_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** The most of a log a failure message carries (its end, where start-up problems are). */
    private static final int LOG_EXCERPT_CHARS = 30_000;

    private final String name;
    private final Process process;
    private final Path output;
    private final List<Path> logDirs;
    private final String origin;
    /** Ends the container if the test JVM exits without {@link #close()} (a failsafe time-out, an interrupt). */
    private final Thread onJvmExit;

    private ContainerProcess(String name, Process process, Path output, List<Path> logDirs, int port) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.logDirs = logDirs;
        this.origin = "http://127.0.0.1:" + port;
        this.onJvmExit = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "stop " + name);
        Runtime.getRuntime().addShutdownHook(onJvmExit);
    }

    /** A port free on 127.0.0.1 at the time of the call. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Runs {@code command} to completion (a set-up step such as Jetty's {@code --add-modules}); fails with its output
     * when it exits non-zero or takes longer than {@code timeout}.
     */
    static void runToCompletion(String what, List<String> command, Path dir, Duration timeout) throws Exception {
        Path out = dir.resolve(what.replaceAll("[^A-Za-z0-9.-]", "_") + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(what + " did not finish within " + timeout + ": " + command + "\n"
                        + excerpt(Files.readString(out, StandardCharsets.ISO_8859_1)));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(what + " exited with " + p.exitValue() + ": " + command + "\n"
                        + excerpt(Files.readString(out, StandardCharsets.ISO_8859_1)));
            }
        } finally {
            destroyTree(p);
        }
    }

    /**
     * Starts {@code command} in {@code dir} and waits until every path in {@code readyPaths} answers {@code 200} on
     * 127.0.0.1:{@code port}. Fails at once, with the log, when the process exits, and after {@link #START_TIMEOUT}.
     */
    static ContainerProcess start(String name, List<String> command, Map<String, String> env, Path dir,
                                  List<Path> logDirs, int port, List<String> readyPaths) throws Exception {
        Path output = dir.resolve("container-output.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // A null value removes the variable: nothing from the shell that runs the build is meant to reach the JVM.
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        ContainerProcess c = new ContainerProcess(name, pb.start(), output, logDirs, port);
        try {
            c.awaitReady(readyPaths);
            return c;
        } catch (Throwable t) {
            c.close();
            throw t;
        }
    }

    private void awaitReady(List<String> readyPaths) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        boolean answering = false;
        List<String> pending = new ArrayList<>(readyPaths);
        String last = "no answer yet";
        while (!pending.isEmpty()) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before " + pending
                        + " answered 200\n" + logExcerpt());
            }
            String path = pending.get(0);
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(origin + path))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                last = path + " answered " + r.statusCode();
                if (r.statusCode() == 200) {
                    pending.remove(0);
                    continue;
                }
                if (!answering) {
                    // Both containers deploy before they listen: a webapp still missing once the server answers
                    // most likely failed to start. Leave a little time, not the whole start-up allowance.
                    answering = true;
                    deadline = Math.min(deadline, System.nanoTime() + DEPLOY_GRACE.toNanos());
                }
            } catch (IOException notListeningYet) {
                last = path + ": " + notListeningYet;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not serve " + pending + " with 200 " + (answering
                        ? "within " + DEPLOY_GRACE + " of answering HTTP" : "within " + START_TIMEOUT) + " (last: "
                        + last + ")\n" + logExcerpt());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Deletes {@code dir} with its content, if it exists, and creates it empty: nothing leaks between runs. */
    static void emptyDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** {@code http://127.0.0.1:PORT}. */
    String origin() {
        return origin;
    }

    String name() {
        return name;
    }

    /** The process output followed by every file of the container's log directories, as written so far. */
    String log() {
        StringBuilder sb = new StringBuilder();
        appendFile(sb, output);
        for (Path dir : logDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> appendFile(sb, f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    /** The end of {@link #log()}, for a failure message. */
    String logExcerpt() {
        return "---- " + name + " log ----\n" + excerpt(log());
    }

    private static void appendFile(StringBuilder sb, Path f) {
        try {
            // ISO-8859-1: any byte reads, and the markers looked for are ASCII.
            sb.append("== ").append(f.getFileName()).append(" ==\n")
                    .append(Files.readString(f, StandardCharsets.ISO_8859_1)).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String excerpt(String log) {
        return log.length() <= LOG_EXCERPT_CHARS ? log
                : "[... " + (log.length() - LOG_EXCERPT_CHARS) + " chars before ...]\n"
                        + log.substring(log.length() - LOG_EXCERPT_CHARS);
    }

    /** Ends the process and every process it started; waits for them to exit. */
    @Override
    public void close() throws InterruptedException {
        destroyTree(process);
        try {
            Runtime.getRuntime().removeShutdownHook(onJvmExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // The hook runs anyway; the process is gone.
        }
    }

    /** SIGTERM to the process and its descendants (the containers stop gracefully), SIGKILL to any still alive. */
    private static void destroyTree(Process p) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException notStopped) {
                h.destroyForcibly();
            }
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + p.pid() + " did not exit after SIGKILL");
        }
    }
}
