package io.consentgate.cli;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.Policy;
import io.consentgate.decision.DecisionEngine;
import io.consentgate.html.EncodingLabels;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.signal.Dnt;
import io.consentgate.signal.Signals;
import io.consentgate.signal.StoredConsent;

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
 * {@code --dnt --allow all} is still refused analytics and marketing under the default policy.
 */
record DecisionFlags(Policy policy, ConsentDecision decision, String contentType) {

    static final Set<String> FLAGS = Set.of("dnt", "gpc", "allow", "content-type", "policy");
    static final String DEFAULT_CONTENT_TYPE = "text/html; charset=UTF-8";

    static DecisionFlags parse(Options o) throws UsageException, CommandException {
        Policy policy = ServeCommand.loadPolicy(o.get("policy", null));
        Optional<StoredConsent> consent = Optional.empty();
        if (o.has("allow")) {
            consent = Optional.of(new StoredConsent(categories(o.get("allow", "")), policy.policyRevision(),
                    Instant.now(), "cli", "consentgate"));
        }
        Signals signals = new Signals(o.has("gpc"), o.has("dnt") ? Dnt.TRACKING_OFF : Dnt.NONE, consent,
                Optional.empty(), List.of());
        ConsentDecision decision = new DecisionEngine(policy).decide(signals);
        return new DecisionFlags(policy, decision, o.get("content-type", DEFAULT_CONTENT_TYPE));
    }

    private static Set<Category> categories(String list) throws UsageException {
        EnumSet<Category> out = EnumSet.noneOf(Category.class);
        for (String part : list.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("all")) {
                out.addAll(EnumSet.of(Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING));
                continue;
            }
            Optional<Category> c = Category.fromId(name);
            if (c.isEmpty() || c.get() == Category.NECESSARY) {
                throw new UsageException("--allow: '" + part.strip() + "' is not functional, analytics, marketing "
                        + "or all");
            }
            out.add(c.get());
        }
        return out;
    }

    HtmlRewriter rewriter() {
        return policy.htmlRewriter().build();
    }

    /** Whether the filter would rewrite a body of this content type at all. */
    boolean isHtml() {
        return HtmlRewriter.isHtmlContentType(contentType);
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
