package io.consentgate.cli;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(Run r, int code, String fragment) {
        assertEquals(code, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), "exactly one line on stderr: " + r.err());
        assertTrue(r.err().startsWith("consentgate: ") && r.err().contains(fragment), r.err());
    }

    @Test
    void badCommandLinesGiveOneLineAndExitTwo() {
        assertOneLineError(run("frobnicate"), 2, "unknown command");
        assertOneLineError(run("serve", "--prot", "80"), 2, "unknown option --prot");
        assertOneLineError(run("serve", "--port"), 2, "--port needs a value");
        assertOneLineError(run("serve", "--port", "http"), 2, "port number");
        assertOneLineError(run("serve", "--port", "70000"), 2, "port number");
        assertOneLineError(run("serve", "extra"), 2, "no operands");
        assertEquals(2, run().code());
        assertEquals(0, run("--help").code());
    }

    /** An empty --docroot or --policy is a usage error (exit 2), not the working directory; an empty --host too. */
    @Test
    void anEmptyFileNameIsAUsageError() {
        String[][] cases = {
            {"--docroot", "--docroot needs a directory name, got an empty value"},
            {"--policy", "--policy needs a file name, got an empty value"},
            {"--host", "--host needs a host name or address, got an empty value"},
        };
        for (String[] c : cases) {
            // start, not run: without the check, run would serve the working directory until stopped.
            UsageException e = assertThrows(UsageException.class, () -> ServeCommand.start(Options.parse(
                    new String[] {"--port", "0", c[0], ""}, ServeCommand.FLAGS)).stop());
            assertEquals(c[1], e.getMessage());
        }
    }

    @Test
    void unreadableInputsGiveOneLineAndExitOne(@TempDir Path dir) throws Exception {
        assertOneLineError(run("serve", "--docroot", dir.resolve("missing").toString()), 1, "not a directory");
        assertOneLineError(run("serve", "--docroot", dir.toString(), "--policy", dir.resolve("nope.json").toString()),
                1, "cannot read policy file");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"mode\": \"sometimes\"}");
        assertOneLineError(run("serve", "--docroot", dir.toString(), "--policy", bad.toString()), 1, "'mode'");
    }

    /**
     * serve sends every file under its docroot, WEB-INF/ too: a policy file there may not hold the consent secret
     * itself (whoever downloads it could sign consent cookies); outside the docroot, or naming env:NAME, it may.
     */
    @Test
    void aPolicyFileUnderTheDocrootMayNotHoldTheSecret(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site/WEB-INF"));
        String literal = "consent-secret: \"0123456789abcdef0123456789abcdef-literal\"\n";
        for (Path policy : new Path[] {Files.writeString(dir.resolve("site/consentgate.yaml"), literal),
            Files.writeString(site.resolve("consentgate.yaml"), literal),
            Files.writeString(dir.resolve("site/c.json"), "{\"consent-secret\": \"0123456789abcdef0123456789abcdef\"}")}) {
            assertOneLineError(run("serve", "--port", "0", "--docroot", dir.resolve("site").toString(), "--policy",
                    policy.toString()), 1, "holds the consent-secret");
        }
        Path outside = Files.writeString(dir.resolve("consentgate.yaml"), literal);
        Path envSecret = Files.writeString(dir.resolve("site/env.yaml"), "consent-secret: env:CG_SECRET_NOT_SET_HERE\n"
                + "mode: opt-in\n");
        Path none = Files.writeString(dir.resolve("site/none.yaml"), "consent-secret: none\n");
        for (Path policy : new Path[] {outside, none}) {
            Server server = ServeCommand.start(Options.parse(new String[] {"--port", "0", "--docroot",
                dir.resolve("site").toString(), "--policy", policy.toString()}, ServeCommand.FLAGS));
            server.stop();
        }
        // env:NAME is read from the environment: unset here, that is the policy's own error, not this one
        CommandException env = assertThrows(CommandException.class, () -> ServeCommand.start(Options.parse(
                new String[] {"--port", "0", "--docroot", dir.resolve("site").toString(), "--policy",
                    envSecret.toString()}, ServeCommand.FLAGS)).stop());
        assertTrue(env.getMessage().contains("CG_SECRET_NOT_SET_HERE"), env.getMessage());
        assertFalse(env.getMessage().contains("holds the consent-secret"), env.getMessage());
    }

    @Test
    void serveRunsTheFilterInFrontOfStaticFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<!doctype html><title>t</title><p>hello</p>");
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "gpc-last-update: 2026-02-03\n");
        Server server = ServeCommand.start(Options.parse(new String[] {"--port", "0", "--docroot", dir.toString(),
                "--policy", policy.toString()}, ServeCommand.FLAGS));
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI base = server.getURI();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve("/")).header("DNT", "1")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<p>hello</p>"));
            assertEquals("N", page.headers().firstValue("Tk").orElse(""));
            HttpResponse<String> gpc = client.send(HttpRequest.newBuilder(base.resolve("/.well-known/gpc.json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"gpc\":true,\"lastUpdate\":\"2026-02-03\"}", gpc.body());
            assertEquals("127.0.0.1", base.getHost(), "serve binds to loopback by default");
        } finally {
            server.stop();
        }
    }
}
