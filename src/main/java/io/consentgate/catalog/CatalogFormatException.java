package io.consentgate.catalog;

/**
 * A tracker catalog (the bundled one or an operator's policy file) is malformed. The message names the entry
 * (by index and id) and the field, e.g. {@code tracker #3 "hotjar": field "categories": unknown category "stats"}.
 */
public final class CatalogFormatException extends IllegalArgumentException {

    CatalogFormatException(String message) {
        super(message);
    }
}
