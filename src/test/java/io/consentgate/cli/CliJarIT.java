package io.consentgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged CLI jar run as a user runs it ({@code java -jar target/consentgate-<v>-cli.jar}), with nothing on the
 * class path but the jar: every class its commands need must be inside (the servlet API included, for
 * {@code serve}).
 */
class CliJarIT {

    private static final String PAGE = """
            <!DOCTYPE html><html><head><title>Tea</title>
            <script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ9"></script>
            </head><body><h1>Tea</h1></body></html>
            """;

    @TempDir
    Path dir;

    private static List<String> java(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String jar() {
        String jar = System.getProperty("cli.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "the CLI jar is built before this test: " + jar);
        return jar;
    }

    @Test
    void rewriteRemovesTheTrackerFromStandardInput() throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), PAGE);
        Process p = new ProcessBuilder(java("rewrite", "--dnt")).redirectInput(page.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("googletagmanager"), out);
        assertTrue(out.contains("<h1>Tea</h1>"), out);
    }

    @Test
    void scanOfAMissingFileSaysSoOnStandardErrorAndFails() throws Exception {
        String missing = dir.resolve("missing.html").toString();
        Process p = new ProcessBuilder(java("scan", missing)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertEquals("", out);
        assertEquals("consentgate: cannot read '" + missing + "': no such file", err.strip());
    }

    /**
     * Under a locale whose encoding cannot name a file ({@code LANG=C} and a name outside ASCII) the JVM cannot make
     * a path of it: that file is one line on stderr, and the others are still listed, as for any unreadable file.
     */
    @Test
    void aFileNameTheLocaleCannotEncodeIsOneUnreadableFile() throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), PAGE);
        // a string, not a Path: a test JVM that itself runs under LANG=C could not make one
        ProcessBuilder pb = new ProcessBuilder(java("scan", "--dnt", page.toString(), dir + "/caf\u00e9.html"));
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertTrue(out.contains("page.html:2:1") && out.contains("removed"), out);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("consentgate: cannot read '"), lines.get(0));
    }

    @Test
    void versionIsTheProjectVersionFromTheManifest() throws Exception {
        Process p = new ProcessBuilder(java("--version")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String expected = System.getProperty("project.version");
        assertTrue(expected != null && !expected.isEmpty(), "the build passes project.version");
        assertEquals("consentgate " + expected, out.strip());
    }

    @Test
    void serveAnswersWithTheTrackerRemoved() throws Exception {
        Files.writeString(dir.resolve("index.html"), PAGE);
        Process p = new ProcessBuilder(java("serve", "--port", "0", "--docroot", dir.toString()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Pattern started = Pattern.compile("ConsentGate serving .* on (http://\\S+)");
            CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
                StringBuilder seen = new StringBuilder();
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        Matcher m = started.matcher(line);
                        if (m.find()) {
                            return m.group(1);
                        }
                        seen.append(line).append('\n');
                    }
                } catch (java.io.IOException e) {
                    seen.append(e);
                }
                throw new IllegalStateException("serve ended without starting:\n" + seen);
            });
            String base = url.get(60, TimeUnit.SECONDS);
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base)).header("DNT", "1").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertFalse(r.body().contains("googletagmanager"), r.body());
            assertTrue(r.body().contains("<h1>Tea</h1>"), r.body());
            assertEquals("N", r.headers().firstValue("Tk").orElse(""));
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
