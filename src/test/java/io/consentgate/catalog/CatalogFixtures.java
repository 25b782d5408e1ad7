package io.consentgate.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Catalogs written inline by the catalog tests. */
final class CatalogFixtures {

    private CatalogFixtures() {
    }

    /** A catalog of the entries in the JSON array {@code trackersArray}. */
    static TrackerCatalog catalog(String trackersArray) {
        try {
            return TrackerCatalog.fromJson(new ObjectMapper().readTree("{\"trackers\":" + trackersArray + "}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
