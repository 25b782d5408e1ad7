package io.consentgate.catalog;

import io.consentgate.Category;
import java.util.List;
import java.util.Set;

/**
 * One entry of the {@link TrackerCatalog}: a tracking product and everything ConsentGate matches it by.
 *
 * <p>{@code hosts} and {@code pathPrefixes} are parallel lists: {@code pathPrefixes.get(i)} is the path prefix that
 * restricts {@code hosts.get(i)} (for shared hosts such as {@code www.facebook.com/tr}), or the empty string when the
 * whole host (and every subdomain of it) belongs to the tracker. A segment {@code #} of a path prefix stands for one or
 * more ASCII digits, an account or site number the vendor puts in its paths ({@code cdn.tagcommander.com/#/}). Hosts
 * are lower-case ASCII without a trailing dot.
 *
 * <p>All lists and sets are unmodifiable; instances are immutable and thread-safe.
 *
 * @param id           stable identifier, lower-case ({@code "google-analytics"}); overrides refer to it
 * @param name         display name
 * @param owner        the company operating the tracker
 * @param categories   the consent categories the tracker needs (never empty, never {@code necessary})
 * @param hosts        hosts it loads from or sends to, matched on the host or any parent domain
 * @param pathPrefixes per host: a path prefix the URL must start with, or {@code ""} for the whole host
 * @param signatures   byte sequences that identify its inline loader scripts (case-sensitive)
 * @param cookies      cookie name patterns it sets
 * @param endpoints    first-party collection paths (proxies of its beacons), see
 *                     {@link TrackerCatalog#matchEndpoint(String)}
 */
public record Tracker(String id, String name, String owner, Set<Category> categories, List<String> hosts,
                      List<String> pathPrefixes, List<String> signatures, List<CookiePattern> cookies,
                      List<String> endpoints) {

    /** Copies every collection into an unmodifiable one and checks that hosts and path prefixes line up. */
    public Tracker {
        categories = Set.copyOf(categories);
        hosts = List.copyOf(hosts);
        pathPrefixes = List.copyOf(pathPrefixes);
        signatures = List.copyOf(signatures);
        cookies = List.copyOf(cookies);
        endpoints = List.copyOf(endpoints);
        if (hosts.size() != pathPrefixes.size()) {
            throw new IllegalArgumentException("tracker " + id + ": hosts and pathPrefixes differ in length");
        }
    }
}
