package io.consentgate.cli;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.Policy;
import io.consentgate.decision.DecisionEngine;
import io.consentgate.html.EncodingLabels;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.HtmlSniffer;
import io.consentgate.html.RewriteListener;
import io.consentgate.html.RewriteStream;
import io.consentgate.signal.Dnt;
import io.consentgate.signal.Signals;
import io.consentgate.signal.StoredConsent;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The flags {@code rewrite} and {@code scan} share: {@code --dnt}, {@code --gpc}, {@code --allow CATEGORIES},
 * {@code --content-type TYPE}, {@code --policy FILE}. The decision is taken by the same engine as the filter, so
 * {@code --dnt --allow all} is still refused analytics and marketing under the default policy. {@code --allow} stands
 * for the visitor's stored consent (the consent cookie); {@code --allow none} is the cookie of a visitor who refused
 * everything, as the consent endpoint writes it for {@code none}, which in opt-out mode is not the same as no
 * {@code --allow} (no cookie: the default allows).
 */
record DecisionFlags(Policy policy, ConsentDecision decision, String contentType) {

    static final Set<String> FLAGS = Set.of("dnt", "gpc", "allow", "content-type", "policy");
    static final String DEFAULT_CONTENT_TYPE = "text/html; charset=UTF-8";
    /** How many of a body's first bytes are read to sniff it: more than any start {@link HtmlSniffer} knows. */
    static final int SNIFFED_BYTES = 512;

    static DecisionFlags parse(Options o) throws UsageException, CommandException {
        Policy policy = ServeCommand.loadPolicy(o.path("policy", null, "a file name"));
        Optional<StoredConsent> consent = Optional.empty();
        if (o.has("allow")) {
            consent = Optional.of(new StoredConsent(categories(o.get("allow", "")), policy.policyRevision(),
                    Instant.now(), "cli", "consentgate"));
        }
        Signals signals = new Signals(o.has("gpc"), o.has("dnt") ? Dnt.TRACKING_OFF : Dnt.NONE, consent,
                Optional.empty(), List.of());
        ConsentDecision decision = new DecisionEngine(policy).decide(signals);
        String contentType = o.get("content-type", DEFAULT_CONTENT_TYPE);
        if (contentType.isBlank()) {
            throw new UsageException("--content-type needs a content type, got an empty value");
        }
        return new DecisionFlags(policy, decision, contentType);
    }

    /**
     * The categories of {@code --allow}: a comma list of functional, analytics, marketing and all, or {@code none}
     * alone, a consent to nothing. As for the init-params, an empty value or list item is an error, never read as
     * {@code none}: a script variable that expands to nothing must not pass for a choice.
     */
    private static Set<Category> categories(String list) throws UsageException {
        if (list.isBlank()) {
            throw new UsageException("--allow needs CATEGORIES, got an empty value; write none to consent to nothing");
        }
        EnumSet<Category> out = EnumSet.noneOf(Category.class);
        String[] parts = list.split(",", -1);
        for (String part : parts) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new UsageException("--allow: '" + list + "' has an empty item; write functional, analytics, "
                        + "marketing or all, comma-separated, or none");
            }
            if (name.equals("none")) {
                if (parts.length > 1) {
                    throw new UsageException("--allow: none cannot be combined with other categories ('" + list
                            + "')");
                }
                return out;
            }
            if (name.equals("all")) {
                out.addAll(EnumSet.of(Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING));
                continue;
            }
            Optional<Category> c = Category.fromId(name);
            if (c.isEmpty() || c.get() == Category.NECESSARY) {
                throw new UsageException("--allow: '" + part.strip() + "' is not functional, analytics, marketing, "
                        + "all or none");
            }
            out.add(c.get());
        }
        return out;
    }

    HtmlRewriter rewriter() {
        return policy.htmlRewriter().build();
    }

    /**
     * A rewrite of a body of this content type into {@code sink}, as the filter opens it: XHTML for
     * {@code application/xhtml+xml} (a self-closed element is its tag alone there), HTML otherwise.
     */
    RewriteStream open(Charset charset, OutputStream sink, RewriteListener listener) {
        HtmlRewriter rewriter = rewriter();
        return HtmlSniffer.mediaType(contentType).equals("application/xhtml+xml")
                ? rewriter.openXhtml(decision, charset, sink, listener)
                : rewriter.open(decision, charset, sink, listener);
    }

    /** Whether the content type is one the filter rewrites; see {@link #leftToSniffing} for those it sniffs. */
    boolean isHtml() {
        return HtmlRewriter.isHtmlContentType(contentType);
    }

    /**
     * Whether the content type tells the browser nothing (none of a MIME type's shape, {@code unknown/unknown},
     * <code>*&#47;*</code>), so that it sniffs the body's first bytes, and so does the filter ({@link HtmlSniffer}).
     */
    boolean leftToSniffing() {
        return HtmlSniffer.leftToSniffing(contentType);
    }

    /** Why the filter would not read a body of this content type, for a notice that makes a typo show. */
    String notHtml() {
        return "--content-type '" + contentType + "' is not HTML (text/html, application/xhtml+xml or "
                + "text/vnd.turbo-stream.html)";
    }

    /** Why the filter would not read this body of a type left to sniffing: it does not start as a page. */
    String notSniffedAsHtml() {
        return "--content-type '" + contentType + "' leaves the type to the browser, and this body does not start "
                + "as HTML (a tag such as <html>, <p> or <script>, or a comment, after white space)";
    }

    /** The charset parameter of the content type, or null (the rewriter then sniffs the document). */
    Charset charset() throws UsageException {
        String label = EncodingLabels.charsetParameter(contentType);
        if (label == null) {
            return null;
        }
        Charset cs = EncodingLabels.forLabel(label);
        if (cs == null) {
            throw new UsageException("--content-type: '" + label + "' is not an encoding label browsers know");
        }
        return cs;
    }
}
