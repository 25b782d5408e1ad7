package io.consentgate.cli;

import io.consentgate.html.RewriteStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code rewrite}: HTML on stdin, what the filter would send on stdout. A policy with {@code report-only=true} or
 * {@code html-rewrite=false} has the filter send pages as written, and so does a content type that is not HTML, so
 * this command then copies its input unchanged and says why in one line on stderr.
 */
final class RewriteCommand {

    static final Set<String> FLAGS = DecisionFlags.FLAGS;

    private RewriteCommand() {
    }

    static int run(Options o, InputStream in, Stdout out, PrintStream err)
            throws UsageException, CommandException, Stdout.Failed {
        if (!o.operands().isEmpty()) {
            throw new UsageException("rewrite reads stdin and takes no operands, got '" + o.operands().get(0) + "'");
        }
        DecisionFlags flags = DecisionFlags.parse(o);
        String asWritten = flags.policy().reportOnly() ? "report-only=true"
            : flags.policy().htmlRewrite() ? null : "html-rewrite=false";
        if (!flags.isHtml()) {
            err.println("consentgate: " + flags.notHtml() + ", so the filter sends the body as written and so does "
                + "rewrite");
        } else if (asWritten != null) {
            err.println("consentgate: the policy sets " + asWritten + ", so the filter sends pages as written and "
                + "so does rewrite; run it with a policy without " + asWritten + " to see what enforcement sends");
        }
        try {
            if (!flags.isHtml() || flags.decision().allowsEverything() || asWritten != null) {
                in.transferTo(out);
                out.flush();
                return 0;
            }
            RewriteStream rewrite = flags.rewriter().open(flags.decision(), flags.charset(), out, null);
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                rewrite.write(buf, 0, n);
            }
            rewrite.finish();
            out.flush();
            return 0;
        } catch (Stdout.Failed e) {
            throw e;
        } catch (IOException e) {
            throw new CommandException("rewrite failed: " + e.getMessage(), e);
        }
    }
}
