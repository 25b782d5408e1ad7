package io.consentgate.demo.standalone;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An unpacked Apache Tomcat distribution ({@code CATALINA_HOME}) run with a {@code CATALINA_BASE} of its own, as an
 * operator separates the two: the distribution's {@code conf/} copied, its {@code server.xml} changed only to listen
 * on 127.0.0.1 at a free port with the shutdown port off, the WARs copied into {@code webapps/}, and
 * {@code bin/catalina.sh run} started.
 */
final class TomcatDistribution {

    private static final String SHUTDOWN_PORT = "<Server port=\"8005\" shutdown=\"SHUTDOWN\">";
    private static final String HTTP_CONNECTOR = "<Connector port=\"8080\" protocol=\"HTTP/1.1\"";

    private TomcatDistribution() {
    }

    /**
     * Deploys each WAR under its file name in {@code wars} (a container maps {@code ROOT.war} to {@code /} and
     * {@code NAME.war} to {@code /NAME}) and starts Tomcat; returns once every path of {@code readyPaths} answers.
     */
    static ContainerProcess start(String name, Path home, Path base, Map<String, Path> wars, List<String> readyPaths)
            throws Exception {
        if (!Files.isRegularFile(home.resolve("bin/catalina.sh"))) {
            throw new AssertionError(name + ": no Tomcat distribution at " + home + " (the build unpacks it in the "
                    + "pre-integration-test phase)");
        }
        ContainerProcess.emptyDirectory(base);
        for (String dir : new String[] {"conf", "logs", "temp", "webapps", "work"}) {
            Files.createDirectories(base.resolve(dir));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path f : (Iterable<Path>) conf::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, base.resolve("conf").resolve(f.getFileName()));
                }
            }
        }
        int port = ContainerProcess.freePort();
        Path serverXml = base.resolve("conf/server.xml");
        String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
        xml = replaceOnce(xml, SHUTDOWN_PORT, "<Server port=\"-1\" shutdown=\"SHUTDOWN\">", serverXml);
        xml = replaceOnce(xml, HTTP_CONNECTOR,
                "<Connector port=\"" + port + "\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"", serverXml);
        Files.writeString(serverXml, xml, StandardCharsets.UTF_8);
        for (Map.Entry<String, Path> war : wars.entrySet()) {
            Files.copy(war.getValue(), base.resolve("webapps").resolve(war.getKey()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> env = new HashMap<>();
        env.put("CATALINA_HOME", home.toString());
        env.put("CATALINA_BASE", base.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // Nothing from the shell that runs the build reaches the container's JVM.
        for (String inherited : new String[] {"CATALINA_OPTS", "JAVA_OPTS", "JRE_HOME", "CATALINA_PID",
                "CATALINA_TMPDIR", "CATALINA_OUT", "LOGGING_CONFIG", "LOGGING_MANAGER"}) {
            env.put(inherited, null);
        }
        return ContainerProcess.start(name, List.of("/bin/sh", home.resolve("bin/catalina.sh").toString(), "run"),
                env, base, List.of(base.resolve("logs")), port, readyPaths);
    }

    /** The log lines that show this Tomcat version ran and deployed every WAR of the deployment. */
    static List<Pattern> evidence(String version) {
        List<Pattern> out = new ArrayList<>();
        out.add(Pattern.compile("Server version name:\\s+Apache Tomcat/" + Pattern.quote(version) + "\\s"));
        for (String war : StandaloneDeployment.contexts().values()) {
            out.add(Pattern.compile("Deployment of web application archive \\[\\S*/" + Pattern.quote(war)
                    + "] has finished"));
        }
        return out;
    }

    private static String replaceOnce(String text, String find, String replacement, Path file) {
        int at = text.indexOf(find);
        if (at < 0 || text.indexOf(find, at + 1) >= 0) {
            throw new AssertionError(file + " does not hold exactly one " + find + " (the distribution's default "
                    + "server.xml changed?)");
        }
        return text.substring(0, at) + replacement + text.substring(at + find.length());
    }
}
