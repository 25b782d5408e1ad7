package io.consentgate.demo.standalone;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The demo WAR in a standalone Apache Tomcat 10.1 distribution (Servlet 6.0, the library's minimum): nothing to
 * enable, as the README says.
 */
class Tomcat10StandaloneIT extends StandaloneDeployment {

    @Override
    ContainerProcess start(Path dir, Map<String, Path> wars, List<String> readyPaths) throws Exception {
        return TomcatDistribution.start("Tomcat " + setting("tomcat10.version"), path("tomcat10.home"), dir, wars,
                readyPaths);
    }

    @Override
    List<Pattern> deploymentEvidence() {
        return TomcatDistribution.evidence(setting("tomcat10.version"));
    }
}
