package io.consentgate.browser;

import io.consentgate.catalog.TrackerCatalog;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The hosts of the tracker URLs among the requests a browser attempted, by the bundled catalog. */
final class TrackerHosts {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();

    private TrackerHosts() {
    }

    static Set<String> of(List<String> urls) {
        return urls.stream().filter(u -> CATALOG.matchUrl(u, null) != null).map(u -> URI.create(u).getHost())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
