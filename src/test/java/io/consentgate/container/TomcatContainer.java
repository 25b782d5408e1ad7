package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** Tomcat 11 embedded on a loopback port; requests go over a socket with {@code Connection: close}. */
final class TomcatContainer implements Container {

    private final Tomcat tomcat;
    private final int port;

    private TomcatContainer(Tomcat tomcat, int port) {
        this.tomcat = tomcat;
        this.port = port;
    }

    /** An embedded Tomcat based in a new temporary directory, with one connector on a free loopback port. */
    static Tomcat onLoopback() throws IOException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("cg-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        return tomcat;
    }

    static TomcatContainer start(Map<String, String> initParams) throws Exception {
        return start(initParams, null);
    }

    static TomcatContainer start(Map<String, String> initParams, String sessionCookieName) throws Exception {
        Tomcat tomcat = onLoopback();
        Connector connector = tomcat.getConnector();
        Context ctx = tomcat.addContext("", null);
        if (sessionCookieName != null) {
            // as web.xml's <session-config><cookie-config><name> does
            ctx.addServletContainerInitializer((classes, sc) -> sc.getSessionCookieConfig().setName(sessionCookieName),
                    null);
        }
        FilterDef def = new FilterDef();
        def.setFilterName("consentgate");
        def.setFilterClass(ConsentGateFilter.class.getName());
        def.setAsyncSupported("true");
        initParams.forEach(def::addInitParameter);
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("consentgate");
        map.addURLPattern("/*");
        map.setDispatcher("REQUEST");
        map.setDispatcher("ERROR");
        ctx.addFilterMap(map);
        Wrapper w = Tomcat.addServlet(ctx, "app", AppServlet.class.getName());
        w.setAsyncSupported(true);
        ctx.addServletMappingDecoded("/*", "app");
        tomcat.start();
        if (ctx.getState() != LifecycleState.STARTED) {
            tomcat.stop();
            tomcat.destroy();
            throw new IllegalStateException("Tomcat context did not start (filter init failed?)");
        }
        return new TomcatContainer(tomcat, connector.getLocalPort());
    }

    @Override
    public String exchange(String rawRequest) throws Exception {
        return Container.exchangeOverSocket(port, rawRequest);
    }

    @Override
    public String name() {
        return "tomcat";
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
