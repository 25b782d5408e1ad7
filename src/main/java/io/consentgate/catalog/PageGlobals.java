package io.consentgate.catalog;

import java.util.List;

/**
 * The globals a tracker's snippet defines that a page's own code goes on calling after the snippet is gone: a site's
 * {@code onclick="gtag('event', …)"} or theme bundle that pushes onto {@code dataLayer} would throw a
 * {@code ReferenceError} and stop the rest of its handler. Listed in the catalog as {@code pageFunctions} (called,
 * or reached through a property: {@code gtag(…)}, {@code ttq.track(…)}) and {@code pageQueues} (arrays the page
 * pushes commands onto: {@code dataLayer}, {@code _paq}).
 *
 * @param functions names the page calls or reads methods of
 * @param queues    names of arrays the page pushes onto
 */
public record PageGlobals(List<String> functions, List<String> queues) {

    /** No globals. */
    public static final PageGlobals NONE = new PageGlobals(List.of(), List.of());

    /** Copies both lists into unmodifiable ones. */
    public PageGlobals {
        functions = List.copyOf(functions);
        queues = List.copyOf(queues);
    }

    /** Whether nothing is listed. */
    public boolean isEmpty() {
        return functions.isEmpty() && queues.isEmpty();
    }
}
