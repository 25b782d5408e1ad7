package io.consentgate.demo.standalone;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The demo WAR in a standalone Apache Tomcat 11 distribution: nothing to enable, as the README says. */
class Tomcat11StandaloneIT extends StandaloneDeployment {

    @Override
    ContainerProcess start(Path dir, Map<String, Path> wars, List<String> readyPaths) throws Exception {
        return TomcatDistribution.start("Tomcat " + setting("tomcat11.version"), path("tomcat11.home"), dir, wars,
                readyPaths);
    }

    @Override
    List<Pattern> deploymentEvidence() {
        return TomcatDistribution.evidence(setting("tomcat11.version"));
    }
}
