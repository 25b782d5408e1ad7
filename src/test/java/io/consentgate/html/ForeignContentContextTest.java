package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The chain of open SVG/MathML contexts: what a page of inline icons costs, and that reuse changes nothing. */
class ForeignContentContextTest {

    @Test
    void iconAfterIconReusesTheContextOfTheOneBefore() {
        ForeignContent fc = new ForeignContent();
        fc.push(ElementNames.SVG);
        ForeignContent.Context first = fc.snapshot();
        fc.pop(ElementNames.SVG);
        assertNull(fc.snapshot());
        fc.push(ElementNames.SVG);
        assertSame(first, fc.snapshot(), "a second <svg> at the same place allocates no context");
        fc.push(ElementNames.FOREIGNOBJECT);
        ForeignContent.Context inner = fc.snapshot();
        fc.pop(ElementNames.FOREIGNOBJECT);
        fc.push(ElementNames.FOREIGNOBJECT);
        assertSame(inner, fc.snapshot());
        assertSame(first, inner.parent);
    }

    @Test
    void anotherElementAtTheSamePlaceGetsItsOwnContext() {
        ForeignContent fc = new ForeignContent();
        fc.push(ElementNames.SVG);
        ForeignContent.Context svg = fc.snapshot();
        fc.pop(ElementNames.SVG);
        fc.push(ElementNames.MATH);
        ForeignContent.Context math = fc.snapshot();
        assertNotSame(svg, math);
        assertEquals(ElementNames.MATH, fc.top());
        assertTrue(fc.inForeign());
        fc.pop(ElementNames.MATH);
        fc.push(ElementNames.SVG);
        assertTrue(fc.inSvg(), "the cache holds one context per place, and is only a cache");
        assertEquals(1, ForeignContent.Context.depthOf(fc.snapshot()));
    }

    @Test
    void aSnapshotKeepsItsContextsWhateverOpensLater() {
        ForeignContent fc = new ForeignContent();
        fc.push(ElementNames.SVG);
        fc.push(ElementNames.FOREIGNOBJECT);
        ForeignContent.Context snapshot = fc.snapshot();
        fc.pop(ElementNames.FOREIGNOBJECT);
        fc.push(ElementNames.DESC);
        fc.reset(snapshot);
        assertEquals(ElementNames.FOREIGNOBJECT, fc.top());
        assertEquals(2, ForeignContent.Context.depthOf(fc.snapshot()));
        assertEquals(ElementNames.SVG, snapshot.parent.id);
    }
}
