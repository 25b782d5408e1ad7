package io.consentgate.html;

import io.consentgate.Category;
import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The held scripts the {@link RewriteEngine} keeps with their refused parts taken out instead of removing them
 * whole, judged at their end tag ({@link HeldScript#finishScript}): a framework payload ({@link FlightChunk}), a
 * list of URLs a loader walks ({@link UrlListScript}) and a Magento {@code text/x-magento-init} block
 * ({@link MagentoInitScript}). Their readers return the rewritten text, which goes back in place in the engine's held
 * bytes. The tag components the page's payloads imported are remembered here from one payload to the next.
 */
final class HeldScriptRewrites {

    /** Logged under the engine's name, as before this class was split from it. */
    private static final Logger LOG = LoggerFactory.getLogger(RewriteEngine.class);

    private final RewriteEngine engine;
    /** The tag components the page's flight chunks imported so far; created with the first chunk. */
    private FlightComponents flightComponents;

    /**
     * Whether the last script {@link #rewriteMerged} kept is a site's own script that lost a tag's snippet
     * ({@link MixedScript}): the page's other code may still call the globals the snippet defined, so the script
     * leaves their stand-ins after it, as a removed one does.
     */
    boolean keptMixed;

    HeldScriptRewrites(RewriteEngine engine) {
        this.engine = engine;
    }

    /**
     * The end of a held JSON data block ({@link DataBlockScript}): a block that makes a shared loader start a refused
     * tracker is removed, or neutralized with its type kept for activation in {@link RewriteMode#NEUTRALIZE}; any
     * other goes on as it came.
     */
    void finishDataBlock(int endEnd) throws IOException {
        engine.heldDataBlock = false;
        engine.inScript = false;
        TrackerMatch m = DataBlockScript.judge(engine.scriptText(), engine.scriptContentStart, engine.deferLen,
            engine.cfg.catalog);
        if (m == null || engine.decision.allowsAll(m.categories())) {
            if (m != null) {
                engine.event(TrackerEvent.Action.ALLOWED, engine.scriptLine, engine.scriptColumn, "script", m);
            }
            engine.releaseDeferred();
            return;
        }
        if (engine.cfg.mode == RewriteMode.REMOVE) {
            engine.event(TrackerEvent.Action.REMOVED, engine.scriptLine, engine.scriptColumn, "script", m);
            engine.removeHeldScript(endEnd, List.of(m));
            return;
        }
        engine.event(TrackerEvent.Action.NEUTRALIZED, engine.scriptLine, engine.scriptColumn, "script", m);
        engine.writeNeutralScript(m.categories());
        engine.deferLen = 0;
        engine.releaseDeferred();
    }

    /**
     * The end of a held {@code text/x-magento-init} block ({@link MagentoInitScript}): a block that starts only refused
     * trackers is removed (neutralized with its type kept for activation in {@link RewriteMode#NEUTRALIZE}); a block
     * that also starts other components loses only the refused members, in both modes, as the others must start.
     */
    void finishMagentoInit(int endEnd) throws IOException {
        engine.heldMagentoInit = false;
        engine.inScript = false;
        int cs = engine.scriptContentStart;
        MagentoInitScript.Verdict v = MagentoInitScript.judge(engine.scriptText(), engine.defer, cs, engine.deferLen,
            engine.cfg.catalog, engine.decision);
        if (v != null) {
            for (TrackerMatch m : v.allowed()) {
                engine.event(TrackerEvent.Action.ALLOWED, engine.scriptLine, engine.scriptColumn, "script", m);
            }
        }
        if (v == null || v.refused().isEmpty()) {
            engine.releaseDeferred();
            return;
        }
        boolean removed = v.whole() && engine.cfg.mode == RewriteMode.REMOVE;
        for (TrackerMatch m : v.refused()) {
            engine.event(removed ? TrackerEvent.Action.REMOVED : TrackerEvent.Action.NEUTRALIZED, engine.scriptLine,
                engine.scriptColumn, "script", m);
        }
        if (removed) {
            engine.removeHeldScript(endEnd, v.refused());
            return;
        }
        if (v.whole()) {
            Set<Category> categories = EnumSet.noneOf(Category.class);
            v.refused().forEach(m -> categories.addAll(m.categories()));
            engine.writeNeutralScript(categories);
            engine.deferLen = 0;
        } else {
            System.arraycopy(v.text(), 0, engine.defer, cs, v.text().length); // never longer than what it replaces
            engine.deferLen = cs + v.text().length;
            engine.releaseDeferred();
            engine.stubAfterEndTag(v.refused(), endEnd); // the block stays, the refused components' names go
            return;
        }
        engine.releaseDeferred();
    }

    /**
     * A framework payload script ({@link FlightChunk}) is never removed: the page hydrates from it. Its refused tracker
     * URLs and refused tag components ({@link FlightComponents}) are overwritten in place in the held bytes, which are
     * then released like an allowed script's. A payload
     * that names a refused tracker only by a loader signature (a code sample shown on the page, say) carries no
     * address of it and is kept as it is.
     *
     * @return false when the script is not such a payload, or names a refused tracker in a string with an escape the
     *         decoder does not know (it cannot be overwritten in place): it is then handled as any script
     */
    boolean rewriteFlightChunk(List<TrackerMatch> matches, boolean anyRefused) {
        int cs = engine.scriptContentStart;
        int[] body = FlightChunk.stringBody(engine.defer, cs, engine.deferLen - cs);
        if (body == null || anyRefused && JsString.decode(engine.defer, body[0], body[1]) == null) {
            return false; // not a payload, or one that cannot be read to overwrite what it names: as any script
        }
        Set<TrackerMatch> rewritten = new java.util.LinkedHashSet<>();
        byte[] text = FlightChunk.rewrite(engine.defer, cs, engine.deferLen - cs, anyRefused, flightComponents(),
            engine.cfg.catalog, m -> {
                TrackerMatch refined = refined(m, matches);
                boolean refuse = !engine.decision.allowsAll(refined.categories());
                if (refuse) {
                    rewritten.add(refined);
                }
                return refuse;
            });
        if (text == null) {
            if (anyRefused) {
                LOG.debug("ConsentGate: kept a framework payload script: it names {} but holds no URL of it",
                    matches);
            }
            return true;
        }
        for (TrackerMatch m : rewritten) {
            engine.event(TrackerEvent.Action.NEUTRALIZED, engine.scriptLine, engine.scriptColumn, "script", m);
        }
        engine.deferLen = cs;
        if (cs + text.length > engine.defer.length) {
            engine.defer = java.util.Arrays.copyOf(engine.defer, cs + text.length);
        }
        System.arraycopy(text, 0, engine.defer, cs, text.length);
        engine.deferLen = cs + text.length;
        return true;
    }

    /** The tag components the page's flight chunks imported so far, held or streamed ({@link StreamedFlight}). */
    FlightComponents flightComponents() {
        if (flightComponents == null) {
            flightComponents = new FlightComponents();
        }
        return flightComponents;
    }

    /**
     * A consent manager's configuration script ({@link ConsentManagerScript}) keeps its banner, and a framework's
     * merged page script ({@link MergedScript}, Tapestry's {@link TapestryPageInit}) and a script of the site's own
     * that also sends events to a refused tag id ({@link TaggedEventCalls}) the page's own code: the statements
     * (members) that start a refused tracker, or send it an event, are blanked in the held bytes, which are then
     * released. In both modes, as removing or neutralizing the whole element would take the banner or stop the page.
     *
     * @return false when the script is neither, or cannot be kept (it is then handled as any other)
     */
    boolean rewriteMerged(List<TrackerMatch> matches) {
        int cs = engine.scriptContentStart;
        java.util.function.Predicate<TrackerMatch> refused =
            m -> !engine.decision.allowsAll(refined(m, matches).categories());
        byte[] script = engine.scriptText();
        byte[] text = ConsentManagerScript.rewrite(script, cs, engine.deferLen - cs, engine.cfg.catalog,
            refused);
        if (text == null) {
            text = MergedScript.rewrite(script, cs, engine.deferLen - cs, engine.cfg.catalog, refused,
                engine.cfg.mergedScripts);
        }
        if (text == null) {
            text = TapestryPageInit.rewrite(script, cs, engine.deferLen - cs, engine.cfg.catalog, refused);
        }
        if (text == null) { // each statement by the tag ids in it, not by the whole script's
            text = TaggedEventCalls.rewrite(script, cs, engine.deferLen - cs, engine.cfg.catalog,
                m -> !engine.decision.allowsAll(m.categories()));
        }
        keptMixed = false;
        if (text == null && !engine.scriptForeign) { // an SVG script's text is decoded before it runs
            text = rewriteMixed(script, cs, matches, refused);
            keptMixed = text != null;
        }
        if (text == null) {
            return false;
        }
        TrailBytes.unmask(engine.defer, script, cs, text);
        System.arraycopy(text, 0, engine.defer, cs, text.length); // the same length: blanked in place
        return true;
    }

    /**
     * A site's own script that also carries a tag's snippet ({@link MixedScript}): the snippet's statements blanked,
     * or null. A script judged the snippet alone is remembered ({@link HtmlRewriter#snippetScripts}) and not read
     * again for the same refused categories.
     */
    private byte[] rewriteMixed(byte[] script, int cs, List<TrackerMatch> matches,
                                java.util.function.Predicate<TrackerMatch> refused) {
        int refusedBits = 0;
        for (Category c : engine.decision.refused()) {
            refusedBits |= 1 << c.ordinal();
        }
        long key = ByteScan.hash(script, cs, engine.deferLen) * 31 + refusedBits;
        Set<Long> known = engine.cfg.snippetScripts;
        if (known.contains(key)) {
            return null;
        }
        byte[] text = MixedScript.rewrite(script, cs, engine.deferLen - cs, engine.cfg.catalog, matches, refused);
        if (text == null) {
            if (known.size() >= HtmlRewriter.MAX_SNIPPET_SCRIPTS) {
                known.clear();
            }
            known.add(key);
        }
        return text;
    }

    /**
     * A script that loads a list of URLs, some of them refused trackers ({@link UrlListScript}), keeps the others: its
     * refused tracker URL literals are overwritten in place in the held bytes, which are then released.
     *
     * @return false when the script is not such a list (it is then removed)
     */
    boolean rewriteUrlList(List<TrackerMatch> matches) {
        int cs = engine.scriptContentStart;
        byte[] script = engine.scriptText();
        byte[] text = UrlListScript.rewrite(script, cs, engine.deferLen - cs, engine.cfg.catalog,
            m -> !engine.decision.allowsAll(refined(m, matches).categories()));
        if (text == null) {
            return false;
        }
        TrailBytes.unmask(engine.defer, script, cs, text);
        System.arraycopy(text, 0, engine.defer, cs, text.length);
        return true;
    }

    /** The match of the whole script for the same tracker (its categories refined by tag ids), else {@code m}. */
    private static TrackerMatch refined(TrackerMatch m, List<TrackerMatch> matches) {
        for (TrackerMatch whole : matches) {
            if (whole.tracker().id().equals(m.tracker().id())) {
                return whole;
            }
        }
        return m;
    }
}
