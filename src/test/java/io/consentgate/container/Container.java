package io.consentgate.container;

import java.util.Map;

/**
 * A servlet container under test with ConsentGate registered as {@code web.xml} would register it (by class name,
 * with init-params, mapped to {@code /*} for REQUEST and ERROR), in front of {@link AppServlet} at {@code /*}.
 */
interface Container extends AutoCloseable {

    /** Sends one raw HTTP/1.1 request (text block, CRLF line ends added) and returns the raw response. */
    String exchange(String rawRequest) throws Exception;

    /** Which container this is, for test names. */
    String name();

    @Override
    void close() throws Exception;

    /** Starts Jetty or Tomcat with the given init-params. */
    static Container start(String kind, Map<String, String> initParams) throws Exception {
        return switch (kind) {
            case "jetty" -> JettyContainer.start(initParams);
            case "tomcat" -> TomcatContainer.start(initParams);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Normalizes a text-block request to CRLF line ends. */
    static String crlf(String raw) {
        String r = raw.replace("\r\n", "\n").replace("\n", "\r\n");
        return r.endsWith("\r\n\r\n") ? r : r + (r.endsWith("\r\n") ? "\r\n" : "\r\n\r\n");
    }
}
