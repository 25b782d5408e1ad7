package io.consentgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.consentgate.InvalidPolicyException;
import io.consentgate.Policy;
import io.consentgate.PolicyReader;
import io.consentgate.jetty.ConsentGateJetty;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code serve}: embedded Jetty with ConsentGate in front of a directory of static files. */
final class ServeCommand {

    static final Set<String> FLAGS = Set.of("port", "host", "docroot", "policy");

    private ServeCommand() {
    }

    static int run(Options o, PrintStream out) throws UsageException, CommandException {
        if (!o.operands().isEmpty()) {
            throw new UsageException("serve takes no operands, got '" + o.operands().get(0) + "'");
        }
        Server server = start(o);
        out.println("ConsentGate serving " + o.path("docroot", ".", "a directory name") + " on " + server.getURI());
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Builds and starts the server; the caller joins or stops it. */
    static Server start(Options o) throws UsageException, CommandException {
        int port = o.port("port", 8080);
        String host = o.get("host", "127.0.0.1");
        if (host.isBlank()) {
            throw new UsageException("--host needs a host name or address, got an empty value");
        }
        String root = o.path("docroot", ".", "a directory name");
        Path docroot;
        try {
            docroot = Path.of(root);
        } catch (InvalidPathException e) {
            throw new CommandException("--docroot '" + root + "' is " + Unreadable.reason(root), e);
        }
        if (!Files.isDirectory(docroot)) {
            throw new CommandException("--docroot '" + docroot + "' is not a directory");
        }
        String policyFile = o.path("policy", null, "a file name");
        Policy policy = loadPolicy(policyFile);
        if (policyFile != null) {
            requireUnservedSecret(Path.of(policyFile), docroot);
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setBaseResource(ResourceFactory.of(context).newResource(docroot.toAbsolutePath().normalize()));
        context.setWelcomeFiles(new String[] {"index.html"});
        ConsentGateJetty.install(context, policy);
        ServletHolder files = new ServletHolder("files", DefaultServlet.class);
        files.setInitParameter("dirAllowed", "false");
        context.addServlet(files, "/");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // Already failing; the start failure is the one worth reporting.
            }
            throw new CommandException("cannot start the server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return server;
    }

    /**
     * Refuses a policy file that {@code serve} would send to anyone, one under the docroot (every file there is served,
     * {@code WEB-INF/} too), when it holds the consent secret itself: whoever downloads it can sign consent cookies.
     * The filter refuses a webapp path outside {@code /WEB-INF/} so; this is the same rule for the CLI's server.
     */
    static void requireUnservedSecret(Path policyFile, Path docroot) throws CommandException {
        try {
            if (!policyFile.toRealPath().startsWith(docroot.toRealPath())) {
                return;
            }
            String name = policyFile.getFileName().toString();
            JsonNode secret = (name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()))
                    .readTree(policyFile.toFile()).path("consent-secret");
            String s = secret.isValueNode() ? secret.asText().strip() : "";
            if (s.isEmpty() || s.equalsIgnoreCase("none") || s.startsWith("env:")) {
                return;
            }
        } catch (IOException e) {
            throw new CommandException("cannot read policy file '" + policyFile + "': " + Unreadable.reason(e), e);
        }
        throw new CommandException("policy file '" + policyFile + "' is under --docroot '" + docroot + "', which "
                + "serve sends to anyone who asks, and holds the consent-secret: whoever downloads it can sign consent "
                + "cookies. Move the file out of the docroot and change the secret, since it may have been read; or "
                + "give the secret as env:NAME");
    }

    static Policy loadPolicy(String file) throws CommandException {
        if (file == null) {
            return Policy.defaults();
        }
        String unreadable = Unreadable.reason(file);
        if (unreadable != null) {
            throw new CommandException("cannot read policy file '" + file + "': " + unreadable);
        }
        try {
            return PolicyReader.read(Map.of(PolicyReader.POLICY_FILE, "file:" + file), null);
        } catch (InvalidPolicyException e) {
            // "consentgate: " already starts the line
            throw new CommandException(e.getMessage().replaceFirst("^ConsentGate: ", ""), e);
        }
    }
}
