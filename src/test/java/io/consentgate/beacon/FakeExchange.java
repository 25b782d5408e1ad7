package io.consentgate.beacon;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Minimal request and response stand-ins for unit tests. Any method that would read the request body
 * ({@code getInputStream}, {@code getReader}, {@code getParameter*}, {@code getParts}) or write a response body
 * fails the test with an {@link AssertionError}.
 */
final class FakeExchange {

    private FakeExchange() {
    }

    /** A request as a container would present it: the raw URI and the container's decoded servlet path. */
    static final class Req {
        String method = "POST";
        String protocol = "HTTP/1.1";
        String requestUri = "/";
        String contextPath = "";
        String servletPath = "";
        String pathInfo;
        RuntimeException servletPathFailure;
        final Map<String, String> headers = new LinkedHashMap<>();

        Req(String requestUri, String containerPath) {
            this.requestUri = requestUri;
            this.servletPath = containerPath;
        }

        Req method(String m) {
            this.method = m;
            return this;
        }

        Req header(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        HttpServletRequest proxy() {
            return (HttpServletRequest) Proxy.newProxyInstance(FakeExchange.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getProtocol" -> protocol;
                        case "getRequestURI" -> requestUri;
                        case "getContextPath" -> contextPath;
                        case "getServletPath" -> {
                            if (servletPathFailure != null) {
                                throw servletPathFailure;
                            }
                            yield servletPath;
                        }
                        case "getPathInfo" -> pathInfo;
                        case "getHeader" -> headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                        case "getContentType" -> headers.get("content-type");
                        case "toString" -> "Req[" + method + " " + requestUri + "]";
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == args[0];
                        default -> throw new AssertionError("the beacon gate must not call request." + m.getName());
                    });
        }
    }

    /** Records status and headers; committing is a flag. */
    static final class Res {
        int status = 200;
        boolean committed;
        int resets;
        final Map<String, List<String>> headers = new LinkedHashMap<>();

        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        private void add(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(FakeExchange.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "isCommitted":
                                return committed;
                            case "setStatus":
                                status = (Integer) args[0];
                                return null;
                            case "getStatus":
                                return status;
                            case "setHeader":
                                headers.remove(((String) args[0]).toLowerCase(Locale.ROOT));
                                add((String) args[0], (String) args[1]);
                                return null;
                            case "addHeader":
                                add((String) args[0], (String) args[1]);
                                return null;
                            case "containsHeader":
                                return headers.containsKey(((String) args[0]).toLowerCase(Locale.ROOT));
                            case "getHeaderNames":
                                return new ArrayList<>(headers.keySet());
                            case "getHeaders":
                                return headers.getOrDefault(((String) args[0]).toLowerCase(Locale.ROOT),
                                        Collections.emptyList());
                            case "reset":
                                resets++;
                                headers.clear();
                                status = 200;
                                return null;
                            case "flushBuffer":
                                committed = true;
                                return null;
                            case "hashCode":
                                return System.identityHashCode(p);
                            case "equals":
                                return p == args[0];
                            default:
                                throw new AssertionError("the beacon gate must not call response." + m.getName());
                        }
                    });
        }
    }
}
