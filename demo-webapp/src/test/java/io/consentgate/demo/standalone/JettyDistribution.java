package io.consentgate.demo.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An unpacked {@code jetty-home} run with a {@code jetty.base} of its own, set up exactly as the README tells an
 * operator: {@code java -jar $JETTY_HOME/start.jar --add-modules=http,eeNN-deploy}, the WARs copied into the base's
 * {@code webapps/}, then {@code start.jar} run with {@code jetty.http.host=127.0.0.1} and a free
 * {@code jetty.http.port}. The JVM's temporary directory (where Jetty unpacks WARs) is inside the base.
 */
final class JettyDistribution {

    private JettyDistribution() {
    }

    /**
     * The log lines that show this jetty-home version ran and started every WAR of the deployment as a webapp of
     * environment {@code ee} ({@code ee10}, {@code ee11}).
     */
    static List<Pattern> evidence(String version, String ee) {
        List<Pattern> out = new ArrayList<>();
        out.add(Pattern.compile("jetty-" + Pattern.quote(version) + ";"));
        for (String ctx : StandaloneDeployment.contexts().keySet()) {
            out.add(Pattern.compile("Started oeje" + ee.substring(2) + "w\\.WebAppContext@\\w+\\{ConsentGate demo,"
                    + Pattern.quote(ctx.isEmpty() ? "/" : ctx) + ","));
        }
        return out;
    }

    /**
     * Creates the base with {@code modules} enabled, deploys each WAR under its file name in {@code wars}, and starts
     * Jetty; returns once every path of {@code readyPaths} answers.
     */
    static ContainerProcess start(String name, Path home, Path base, String modules, Map<String, Path> wars,
                                  List<String> readyPaths) throws Exception {
        Path startJar = home.resolve("start.jar");
        if (!Files.isRegularFile(startJar)) {
            throw new AssertionError(name + ": no jetty-home at " + home + " (the build unpacks it in the "
                    + "pre-integration-test phase)");
        }
        ContainerProcess.emptyDirectory(base);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ContainerProcess.runToCompletion("start.jar --add-modules=" + modules,
                List.of(java, "-jar", startJar.toString(), "jetty.home=" + home, "jetty.base=" + base,
                        "--add-modules=" + modules), base, Duration.ofSeconds(120));
        Path webapps = base.resolve("webapps");
        if (!Files.isDirectory(webapps)) {
            throw new AssertionError(name + ": --add-modules=" + modules + " did not create " + webapps);
        }
        for (Map.Entry<String, Path> war : wars.entrySet()) {
            Files.copy(war.getValue(), webapps.resolve(war.getKey()));
        }
        Path tmp = Files.createDirectories(base.resolve("tmp"));
        int port = ContainerProcess.freePort();
        return ContainerProcess.start(name,
                List.of(java, "-Djava.io.tmpdir=" + tmp, "-jar", startJar.toString(), "jetty.home=" + home,
                        "jetty.base=" + base, "jetty.http.host=127.0.0.1", "jetty.http.port=" + port),
                Map.of(), base, List.of(), port, readyPaths);
    }
}
