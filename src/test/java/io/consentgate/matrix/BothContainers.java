package io.consentgate.matrix;

import org.eclipse.jetty.http.HttpTester;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link MatrixServer} on each of {@link MatrixServer#kinds()} (Jetty 12, Tomcat 11, Undertow 2.3), started with the
 * same init-params for a test class, and one complete request to any of them by kind ({@code "jetty"}…).
 */
final class BothContainers implements AutoCloseable {

    private final Map<String, MatrixServer> servers = new LinkedHashMap<>();

    BothContainers(Map<String, String> initParams) throws Exception {
        try {
            for (String kind : MatrixServer.kinds()) {
                servers.put(kind, MatrixServer.start(kind, initParams));
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** {@code METHOD PATH} on the container of that kind; the response parsed, asserted complete. */
    HttpTester.Response exchange(String kind, String method, String path) throws Exception {
        byte[] raw = servers.get(kind).exchange(method + " " + path
                + " HTTP/1.1\nHost: www.shop.example\nConnection: close\n\n");
        HttpTester.Response r = "HEAD".equals(method) ? HttpTester.parseHeadResponse(ByteBuffer.wrap(raw))
                : HttpTester.parseResponse(ByteBuffer.wrap(raw));
        assertNotNull(r, ScenarioMatrixTest.head(raw));
        assertTrue(r.isComplete(), ScenarioMatrixTest.head(raw));
        return r;
    }

    /** The container of that kind. */
    MatrixServer server(String kind) {
        return servers.get(kind);
    }

    /** {@code GET PATH} on the container of that kind: the raw bytes, interim responses included. */
    byte[] raw(String kind, String path) throws Exception {
        return servers.get(kind).exchangeWithInterim("GET " + path + " HTTP/1.1\nHost: www.shop.example\nConnection: close\n\n");
    }

    @Override
    public void close() throws Exception {
        for (MatrixServer s : servers.values()) {
            s.close();
        }
    }
}
