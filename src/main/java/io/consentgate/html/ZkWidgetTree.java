package io.consentgate.html;

import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * ZK's page script: ZK mounts the whole page from one {@code zkmx(…)} call, so removing the script for a tracker in
 * one of its script components would leave the page empty. Read only in a script that calls {@code zkmx(}: every
 * other refused script passes here without a copy.
 */
final class ZkWidgetTree {

    /** The call with which ZK mounts a page's widget tree. */
    private static final String ZK_MOUNT = "zkmx(";

    private ZkWidgetTree() {
    }

    /**
     * The script {@code b[off, end)} when it mounts a ZK page ({@code zkmx([0,'…',{…},{},[['zul.wnd.Window',…]]]);}):
     * ZK builds the whole page from that call, and a zul {@code <script>} component's code stands in it as a function
     * ({@code ['zul.utl.Script','…',{content:function(){\n…}},{},[]]}) that runs once the widget is mounted. The
     * statements of such functions that name a refused tracker are blanked as in a merged script's wrapper body
     * ({@link MergedScript#blank}), and a refused URL left in a component's markup string is overwritten
     * ({@link UrlListScript}); the tree stays. {@code null} when the script is no such call, a tracker is named
     * elsewhere, or the text cannot be read.
     */
    static byte[] rewrite(byte[] b, int off, int end, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        if (ByteScan.find(b, off, end, ZK_MOUNT) < 0) {
            return null; // every other refused script comes this way: no copy, no reading
        }
        byte[] out = Arrays.copyOfRange(b, off, end);
        int[] statements = ScriptStatements.split(out, 0, out.length);
        if (statements == null) {
            return null;
        }
        boolean blanked = false;
        for (int k = 0; k < statements.length; k += 2) {
            int s = statements[k];
            int e = statements[k + 1];
            if (!ByteScan.startsWith(out, s, e, ZK_MOUNT)
                    || !catalog.matchScript(out, s, e - s).stream().anyMatch(refused)) {
                continue;
            }
            ScriptStatements.Frame frame = ScriptStatements.frame(out, s, e);
            if (frame == null) {
                return null;
            }
            int[] bodies = frame.bodies();
            for (int j = 0; j < bodies.length; j += 2) {
                int from = bodies[j];
                int to = bodies[j + 1];
                if (catalog.matchScript(out, from, to - from).stream().anyMatch(refused)) {
                    if (MergedScript.blank(out, from, to, catalog, refused, 1) < 0) {
                        return null;
                    }
                    blanked = true;
                }
            }
        }
        if (!blanked) {
            return null;
        }
        if (catalog.matchScript(out, 0, out.length).stream().anyMatch(refused)) {
            // a refused URL in an html component's markup as well: overwritten as on its own (UrlListScript)
            return UrlListScript.rewrite(out, 0, out.length, catalog, refused);
        }
        return out;
    }
}
