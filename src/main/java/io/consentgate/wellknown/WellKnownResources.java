package io.consentgate.wellknown;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentgate.ConsentDecision;
import io.consentgate.Policy;
import io.consentgate.response.TrackingStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Serves the two well-known privacy resources from the filter, without calling the application (so no session and
 * no {@code Set-Cookie} can be added):
 * <ul>
 *   <li>{@code /.well-known/gpc.json} (<a href="https://privacycg.github.io/gpc-spec/">GPC</a>):
 *       {@code {"gpc": true, "lastUpdate": "YYYY-MM-DD"}}, {@code lastUpdate} only when configured; {@code false}
 *       when {@code gpc-refuses} is {@code none} or in report-only mode, where the signal changes nothing.</li>
 *   <li>{@code /.well-known/dnt/} (<a href="https://www.w3.org/TR/tracking-dnt/#status-resource">TPE tracking
 *       status resource</a>), {@code application/tracking-status+json}: the tracking status for this request's
 *       signals plus the configured {@code policy} and {@code controller} links.</li>
 * </ul>
 */
public final class WellKnownResources {

    static final String GPC_PATH = "/.well-known/gpc.json";
    static final String DNT_PATH = "/.well-known/dnt/";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());

    private final Policy policy;
    private final byte[] gpcJson;

    public WellKnownResources(Policy policy) {
        this.policy = policy;
        ObjectNode gpc = MAPPER.createObjectNode();
        // true says the site honours GPC: not when the signal refuses nothing, nor when nothing is enforced
        gpc.put("gpc", !policy.gpcRefuses().isEmpty() && !policy.reportOnly());
        if (policy.gpcLastUpdate() != null) {
            gpc.put("lastUpdate", policy.gpcLastUpdate().toString());
        }
        this.gpcJson = bytes(gpc);
    }

    /**
     * Whether the filter may answer {@code path} (below the context path) as a well-known resource: the tracking
     * status resource always, {@code gpc.json} unless {@code gpc-json=false}. No other endpoint may take such a path.
     */
    public static boolean isServedPath(String path) {
        return GPC_PATH.equals(path) || DNT_PATH.equals(path) || "/.well-known/dnt".equals(path);
    }

    /** Whether {@code path} (within the context) is one of the resources this class serves. */
    public boolean handles(String path) {
        return (policy.gpcJson() && GPC_PATH.equals(path)) || DNT_PATH.equals(path) || "/.well-known/dnt".equals(path);
    }

    /** Answers a request for a path that {@link #handles} accepted. */
    public void serve(String path, HttpServletRequest request, HttpServletResponse response,
                      ConsentDecision decision) throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (GPC_PATH.equals(path)) {
            write(request, response, "application/json", "max-age=86400", gpcJson);
            return;
        }
        ObjectNode tsr = MAPPER.createObjectNode();
        // as the Tk header says (TkHeaderWriter): pages are not enforced in report-only mode nor without rewriting
        tsr.put("tracking", TrackingStatus.of(decision, policy.reportOnly() || !policy.htmlRewrite()));
        if (policy.trackingPolicyUrl() != null) {
            tsr.put("policy", policy.trackingPolicyUrl());
        }
        if (policy.trackingController() != null) {
            tsr.putArray("controller").add(policy.trackingController());
        }
        // the status follows the region's mode too, as every page's Vary says (VaryHeaderWriter)
        response.setHeader("Vary", "DNT, " + String.join(", ", policy.gpcHeaders()) + ", Cookie"
                + (policy.regionHeader() == null ? "" : ", " + policy.regionHeader()));
        write(request, response, "application/tracking-status+json", "private, no-cache",
                bytes(tsr));
    }

    /** Written by this class's mapper, not {@code JsonNode.toString()}: that one keeps buffers in the thread. */
    private static byte[] bytes(ObjectNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + json.getClass().getSimpleName(), e);
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String type,
                              String cacheControl, byte[] body) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type);
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
