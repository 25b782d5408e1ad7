package io.consentgate.html;

/**
 * The XML formats of partial page updates the rewriter reads ({@link HtmlRewriter#openPartialResponse}): an ajax
 * framework's answer whose CDATA sections carry HTML the page inserts, or a script it runs. What each format names:
 * the elements whose sections are HTML, rewritten as a page is, and those whose sections are a script, which loses
 * the statements that name a refused tracker. Everything else in the XML passes byte for byte.
 */
public enum PartialResponseFormat {

    /**
     * A Jakarta Faces partial response ({@code <partial-response>}), the answer to a request with
     * {@code Faces-Request: partial/ajax} ({@code jsf.js}/{@code faces.js}, PrimeFaces): HTML in {@code <update>} and
     * {@code <insert>}, scripts in {@code <eval>} (PrimeFaces joins a request's {@code executeScript} calls into one).
     */
    FACES(new String[] {"update", "insert"}, new String[] {"eval"}),

    /**
     * An Apache Wicket ajax response ({@code <ajax-response>}), the answer to a request with {@code Wicket-Ajax: true}
     * ({@code wicket-ajax-jquery.js}): HTML in {@code <component>} (a re-rendered component) and
     * {@code <header-contribution>} (a {@code <head>} whose scripts, styles and links the page adds to its own),
     * scripts in {@code <evaluate>} and {@code <priority-evaluate>} (each contributed script wrapped as
     * {@code (function(){…})();} and joined).
     */
    WICKET(new String[] {"component", "header-contribution"}, new String[] {"evaluate", "priority-evaluate"});

    private final String[] htmlElements;
    private final String[] scriptElements;

    PartialResponseFormat(String[] htmlElements, String[] scriptElements) {
        this.htmlElements = htmlElements;
        this.scriptElements = scriptElements;
    }

    String[] htmlElements() {
        return htmlElements;
    }

    String[] scriptElements() {
        return scriptElements;
    }
}
