package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.Policy;
import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.List;

/** Runs several {@link HeaderWriter}s in order. */
public final class CompositeHeaderWriter implements HeaderWriter {

    private final List<HeaderWriter> writers;

    public CompositeHeaderWriter(List<HeaderWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    /**
     * The writers a policy asks for, on every response that depends on the decision: {@code Vary} (or
     * {@code Cache-Control: private}) always; {@code Tk} unless
     * switched off, saying {@code D} while something is refused in report-only mode or with HTML rewriting off
     * (pages pass with their trackers); {@code Permissions-Policy} unless switched off or in report-only mode, where
     * it would promise enforcement that is not happening.
     */
    public static CompositeHeaderWriter forPolicy(Policy policy) {
        List<HeaderWriter> w = new ArrayList<>();
        w.add(new VaryHeaderWriter(policy.varyMode(), policy.gpcHeaders(), policy.regionHeader()));
        if (policy.tkHeader()) {
            w.add(new TkHeaderWriter(policy.reportOnly() || !policy.htmlRewrite()));
        }
        if (policy.permissionsPolicy() != null && !policy.reportOnly()) {
            w.add(new PermissionsPolicyHeaderWriter(policy.permissionsPolicy()));
        }
        return new CompositeHeaderWriter(w);
    }

    @Override
    public void write(HttpServletResponse response, ConsentDecision decision) {
        for (HeaderWriter w : writers) {
            w.write(response, decision);
        }
    }

    /** Every writer takes back its header; if one cannot, every writer writes its header again. */
    @Override
    public boolean withdraw(HttpServletResponse response, ConsentDecision decision) {
        boolean all = true;
        for (HeaderWriter w : writers) {
            all &= w.withdraw(response, decision);
        }
        if (!all) {
            write(response, decision);
        }
        return all;
    }

    @Override
    public void writeEarly(HttpServletResponse response, ConsentDecision decision) {
        for (HeaderWriter w : writers) {
            w.writeEarly(response, decision);
        }
    }
}
