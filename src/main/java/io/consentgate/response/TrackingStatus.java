package io.consentgate.response;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.DecisionBasis;

/**
 * The tracking status value (TSV) of the W3C Tracking Preference Expression that describes a response ConsentGate
 * enforced, used by the {@code Tk} header and the {@code /.well-known/dnt/} resource.
 *
 * <ul>
 *   <li>{@code N} (not tracking): analytics and marketing are both refused, so enforcement removed them.</li>
 *   <li>{@code C} (tracking with consent): analytics or marketing is allowed, and every allowed one by consent.</li>
 *   <li>{@code T} (tracking): analytics or marketing is allowed by the opt-out default.</li>
 *   <li>{@code D} (disregarding): something is refused but the response is not enforced: report-only mode, HTML
 *       rewriting off, or a page the application sent compressed, which passes with its trackers.</li>
 * </ul>
 *
 * @see <a href="https://www.w3.org/TR/tracking-dnt/#tracking-status-value">TPE, tracking status value</a>
 */
public final class TrackingStatus {

    private TrackingStatus() {
    }

    /**
     * The TSV for {@code decision}; {@code unenforced} means refused trackers are not removed (report-only mode, HTML
     * rewriting off, or a page the application compressed), so the refusal is disregarded.
     */
    public static String of(ConsentDecision decision, boolean unenforced) {
        boolean analytics = decision.allows(Category.ANALYTICS);
        boolean marketing = decision.allows(Category.MARKETING);
        if (unenforced && !decision.allowsEverything()) {
            return "D";
        }
        if (!analytics && !marketing) {
            return "N";
        }
        boolean byConsent = (!analytics || decision.basis(Category.ANALYTICS) == DecisionBasis.CONSENT)
                && (!marketing || decision.basis(Category.MARKETING) == DecisionBasis.CONSENT);
        return byConsent ? "C" : "T";
    }
}
