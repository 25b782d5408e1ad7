package io.consentgate.catalog;

/**
 * A member of a JSON data block ({@code <script type="application/json">}) that makes a loader shared by several
 * services start the tracker: the block's top-level object has {@code member} with the string {@code value}, as the
 * European Commission's webtools loader reads {@code {"utility": "analytics", "siteID": …}} and starts Europa Analytics.
 * The loader itself stays (it also serves the site's maps, share buttons and consent banner); the block goes.
 *
 * @param member the member's name, case-sensitive as JSON names are
 * @param value  its string value, case-sensitive
 */
record DataBlockMember(String member, String value) {

    /** The key under which a catalog claims the pair: one entry per pair. */
    String key() {
        return member + '\0' + value; // neither holds a NUL (printable ASCII)
    }
}
