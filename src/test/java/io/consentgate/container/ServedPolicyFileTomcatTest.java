package io.consentgate.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentGateFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator who names the policy file with {@code file:} and puts it in the unpacked webapp's own directory has
 * published it: Tomcat's default servlet answers it at its webapp path. Holding the consent secret, it stops the
 * webapp from starting; under the directory's {@code WEB-INF}, which is never served, it is read.
 */
class ServedPolicyFileTomcatTest {

    private static final String SECRET = "7c1e0f9a4b2d48e6a3f5c8d1b0e92a47";

    @TempDir
    Path docBase;

    @Test
    void aSecretInTheWebappsDirectoryStopsTheWebappAndUnderWebInfItStarts() throws Exception {
        Files.createDirectories(docBase.resolve("WEB-INF"));
        Path served = Files.writeString(docBase.resolve("consentgate.yaml"), "consent-secret: " + SECRET + "\n");
        Path hidden = Files.writeString(docBase.resolve("WEB-INF/consentgate.yaml"),
                "consent-secret: " + SECRET + "\nmode: opt-out\n");

        Tomcat withoutFilter = start(null);
        try {
            String r = Container.exchangeOverSocket(withoutFilter.getConnector().getLocalPort(),
                    "GET /consentgate.yaml HTTP/1.1\nHost: localhost\n");
            assertTrue(r.startsWith("HTTP/1.1 200") && r.contains(SECRET), "the threat is real: " + r);
        } finally {
            stop(withoutFilter);
        }

        Tomcat refused = start("file:" + served.toAbsolutePath());
        try {
            // a filter that fails init stops its context: nothing is served, not even the file
            assertNotEquals(LifecycleState.STARTED, refused.getHost().findChild("").getState());
        } finally {
            stop(refused);
        }

        Tomcat read = start("file:" + hidden.toAbsolutePath());
        try {
            assertEquals(LifecycleState.STARTED, read.getHost().findChild("").getState());
            String r = Container.exchangeOverSocket(read.getConnector().getLocalPort(),
                    "GET /WEB-INF/consentgate.yaml HTTP/1.1\nHost: localhost\n");
            assertTrue(r.startsWith("HTTP/1.1 404"), r);
        } finally {
            stop(read);
        }
    }

    /** Tomcat serving {@link #docBase} with its default servlet, and ConsentGate reading {@code policyFile} if any. */
    private Tomcat start(String policyFile) throws Exception {
        Tomcat tomcat = TomcatContainer.onLoopback();
        Context ctx = tomcat.addContext("", docBase.toString());
        if (policyFile != null) {
            FilterDef def = new FilterDef();
            def.setFilterName("consentgate");
            def.setFilterClass(ConsentGateFilter.class.getName());
            def.addInitParameter("policy-file", policyFile);
            ctx.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName("consentgate");
            map.addURLPattern("/*");
            ctx.addFilterMap(map);
        }
        Tomcat.addServlet(ctx, "default", DefaultServlet.class.getName());
        ctx.addServletMappingDecoded("/", "default");
        tomcat.start();
        return tomcat;
    }

    private static void stop(Tomcat tomcat) throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
