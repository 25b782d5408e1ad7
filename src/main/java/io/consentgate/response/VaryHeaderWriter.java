package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.VaryMode;
import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells caches that the response depends on the privacy signals and the consent cookie: either by merging
 * {@code DNT}, the GPC headers, {@code Cookie} and the region header (when the policy reads one) into {@code Vary}
 * (keeping what the application listed), or by {@code Cache-Control: private}: added when the application set no
 * {@code Cache-Control}, and replacing what lets a shared cache store the response when it did
 * ({@link CacheControlDirectives}).
 */
public final class VaryHeaderWriter implements HeaderWriter {

    private final VaryMode mode;
    private final List<String> tokens;

    /** A writer for a policy that reads no region header. */
    public VaryHeaderWriter(VaryMode mode, List<String> gpcHeaders) {
        this(mode, gpcHeaders, null);
    }

    /**
     * A writer for a policy that reads {@code regionHeader} (null: none): the region picks the default decision, so a
     * shared cache must not serve one region's page to another.
     */
    public VaryHeaderWriter(VaryMode mode, List<String> gpcHeaders, String regionHeader) {
        this.mode = mode;
        List<String> t = new ArrayList<>();
        t.add("DNT");
        t.addAll(gpcHeaders);
        t.add("Cookie");
        if (regionHeader != null) {
            t.add(regionHeader);
        }
        this.tokens = List.copyOf(t);
    }

    /**
     * {@code Vary} is merged now and again at commit; {@code Cache-Control} is made private only at commit: set
     * earlier, it would stop an application (or Spring Security) that writes its own {@code Cache-Control} only where
     * none is set, and a page meant {@code no-store} would go out merely private.
     */
    @Override
    public void writeEarly(HttpServletResponse response, ConsentDecision decision) {
        if (mode != VaryMode.PRIVATE) {
            write(response, decision);
        }
    }

    @Override
    public void write(HttpServletResponse response, ConsentDecision decision) {
        if (mode == VaryMode.PRIVATE) {
            String madePrivate = CacheControlDirectives.madePrivate(response.getHeaders("Cache-Control"));
            if (madePrivate != null) {
                response.setHeader("Cache-Control", madePrivate);
            }
            return;
        }
        String existing = String.join(", ", response.getHeaders("Vary"));
        String merged = merge(existing, tokens);
        if (!merged.equals(existing)) {
            response.setHeader("Vary", merged);
        }
    }

    /**
     * Takes ConsentGate's tokens out of {@code Vary} for a response no other decision would change; a token the
     * application (or a filter before ConsentGate) set stays, and so do its others. In private mode nothing was
     * written before the commit, and the application's {@code Cache-Control} is left as it is.
     */
    @Override
    public boolean withdraw(HttpServletResponse response, ConsentDecision decision) {
        if (mode == VaryMode.PRIVATE) {
            return true;
        }
        ConsentResponse wrapper = ConsentResponse.find(response);
        if (wrapper == null) {
            return false;
        }
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        for (String line : response.getHeaders("Vary")) {
            for (String token : line == null ? new String[0] : line.split(",")) {
                String t = token.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (isOwn(t) && !wrapper.applicationHeaders().dependence().varyFromApplication(t) || containsIgnoringCase(kept, t)) {
                    dropped = true;
                } else {
                    kept.add(t);
                }
            }
        }
        if (!dropped) {
            return true;
        }
        if (kept.isEmpty()) {
            return DecisionDependence.remove(response, "Vary");
        }
        response.setHeader("Vary", String.join(", ", kept));
        return true;
    }

    private boolean isOwn(String token) {
        return containsIgnoringCase(tokens, token);
    }

    private static boolean containsIgnoringCase(List<String> list, String token) {
        for (String t : list) {
            if (t.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** Adds each token missing from {@code existing} (case-insensitive); {@code *} already covers everything. */
    static String merge(String existing, List<String> tokens) {
        String lower = "," + existing.toLowerCase(Locale.ROOT).replace(" ", "") + ",";
        if (lower.contains(",*,")) {
            return existing;
        }
        StringBuilder sb = new StringBuilder(existing.strip());
        for (String t : tokens) {
            if (!lower.contains("," + t.toLowerCase(Locale.ROOT) + ",")) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }
}
