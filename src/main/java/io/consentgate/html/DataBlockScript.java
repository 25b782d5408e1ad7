package io.consentgate.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;

/**
 * A JSON data block, {@code <script type="application/json">}, read for the member that makes a loader shared by
 * several services start a tracker ({@link TrackerCatalog#matchDataBlock}). The European Commission's webtools loader
 * is the case: a site writes {@code {"utility": "analytics", "siteID": "41", "sitePath": ["…"]}} beside
 * {@code europa.eu/webtools/load.js}, which also draws the site's maps, charts and consent banner, and the loader starts
 * the service the block names. The loader must stay; the block goes as a whole, as a refused script does.
 *
 * <p>Only a member of the block's top-level object with a string value counts: the same pair nested deeper is the
 * page's data. A block that is not JSON (the loader's {@code JSON.parse} would reject it and start nothing) is judged
 * by the first top-level members that could be read, as is a block longer than {@value #MAX_BYTES} bytes, held no
 * further: a service's block is a line of settings, while the long blocks of a page are its own data (a framework's
 * state, a map's layers), which are sent on unread past that length.
 */
final class DataBlockScript {

    /** The longest block held to its end tag; a longer one is judged by its beginning and streams on. */
    static final int MAX_BYTES = 16 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
        .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();

    private DataBlockScript() {
    }

    /**
     * The tracker the block's text {@code b[from..to)} starts, or {@code null}: its top-level object holds no member the
     * catalog lists. Text that stops being JSON, or stops, ends the reading: what was read before counts.
     */
    static TrackerMatch judge(byte[] b, int from, int to, TrackerCatalog catalog) {
        try (JsonParser p = JSON.createParser(b, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null; // an array or a value: no loader reads a service's name from it
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String member = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    TrackerMatch m = catalog.matchDataBlock(member, p.getText());
                    if (m != null) {
                        return m;
                    }
                } else if (value != null && value.isStructStart()) {
                    p.skipChildren();
                }
            }
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null; // the members read before the text stopped being JSON were judged as they came
        }
    }
}
