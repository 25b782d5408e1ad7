package io.consentgate.demo.standalone;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The demo WAR in a standalone Jetty 12.1 whose base has the modules the README gives:
 * {@code --add-modules=http,ee11-deploy} (Servlet 6.1).
 */
class JettyEe11StandaloneIT extends StandaloneDeployment {

    @Override
    ContainerProcess start(Path dir, Map<String, Path> wars, List<String> readyPaths) throws Exception {
        return JettyDistribution.start("Jetty " + setting("jetty.home.version") + " ee11", path("jetty.home"), dir,
                "http,ee11-deploy", wars, readyPaths);
    }

    @Override
    List<Pattern> deploymentEvidence() {
        return JettyDistribution.evidence(setting("jetty.home.version"), "ee11");
    }
}
