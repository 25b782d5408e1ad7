package io.consentgate.beacon;

import io.consentgate.Category;
import java.util.Set;

/**
 * Why a request is a refused beacon: what it feeds and which refused categories that needs.
 *
 * <p>Produced by {@link BeaconGate#match}; {@code null} there means "not a refused beacon".
 *
 * @param trackerId   the catalog tracker id ({@code "google-analytics"}), {@value BeaconGate#PING_TRACKER_ID} for a
 *                    hyperlink-auditing ping, or {@value BeaconGate#OPERATOR_TRACKER_ID} for an operator path
 * @param trackerName a display name for logs
 * @param categories  the categories the beacon needs, at least one of them refused by the decision (unmodifiable)
 * @param reason      a one-line, printable-ASCII explanation for logs ({@code "collection endpoint /g/collect"})
 */
public record BeaconMatch(String trackerId, String trackerName, Set<Category> categories, String reason) {

    /** Copies the categories into an unmodifiable set. */
    public BeaconMatch {
        categories = Set.copyOf(categories);
    }
}
