package io.consentgate.consent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.signal.Dnt;
import io.consentgate.signal.Signals;
import io.consentgate.signal.StoredConsent;

/**
 * The consent endpoint's JSON view of a decision. This shape is a public contract that banners and other systems
 * read; fields are only ever added:
 *
 * <pre>{@code
 * {"allowed": ["necessary"],
 *  "refused": ["functional", "analytics", "marketing"],
 *  "basis": {"necessary": "always", "functional": "default", "analytics": "dnt", "marketing": "gpc"},
 *  "mode": "opt-in", "revision": 1,
 *  "signals": {"gpc": true, "dnt": "1"},
 *  "consent": {"id": "…", "timestamp": "2026-11-28T23:59:00Z", "source": "consentgate", "granted": []}}
 * }</pre>
 * {@code consent} is {@code null} when the visitor has no valid stored consent.
 */
final class DecisionJson {

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());

    private DecisionJson() {
    }

    static ObjectNode of(ConsentDecision decision, Signals signals, int revision) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode allowed = root.putArray("allowed");
        ArrayNode refused = root.putArray("refused");
        ObjectNode basis = root.putObject("basis");
        for (Category c : Category.values()) {
            (decision.allows(c) ? allowed : refused).add(c.id());
            basis.put(c.id(), decision.basis(c).id());
        }
        root.put("mode", decision.mode().id());
        root.put("revision", revision);
        ObjectNode sig = root.putObject("signals");
        sig.put("gpc", signals.gpc());
        sig.put("dnt", signals.dnt() == Dnt.TRACKING_OFF ? "1" : signals.dnt() == Dnt.TRACKING_ALLOWED ? "0" : null);
        StoredConsent consent = signals.consent().orElse(null);
        if (consent == null) {
            root.putNull("consent");
        } else {
            ObjectNode c = root.putObject("consent");
            c.put("id", consent.consentId());
            c.put("timestamp", consent.timestamp().toString());
            c.put("source", consent.source());
            ArrayNode granted = c.putArray("granted");
            for (Category g : Category.values()) {
                if (consent.granted().contains(g)) {
                    granted.add(g.id());
                }
            }
        }
        return root;
    }
}
