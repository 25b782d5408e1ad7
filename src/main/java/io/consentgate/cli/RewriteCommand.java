package io.consentgate.cli;

import io.consentgate.html.HtmlSniffer;
import io.consentgate.html.RewriteStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.util.Set;

/**
 * {@code rewrite}: HTML on stdin, what the filter would send on stdout. A policy with {@code report-only=true} or
 * {@code html-rewrite=false} has the filter send pages as written, and so does a content type that is not HTML (or
 * one that leaves the type to the browser, for a body that does not start as HTML), so this command then copies its
 * input unchanged and says why in one line on stderr.
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
        if (!flags.isHtml() && !flags.leftToSniffing()) {
            err.println("consentgate: " + flags.notHtml() + ", so the filter sends the body as written and so does "
                + "rewrite");
        } else if (asWritten != null) {
            err.println("consentgate: the policy sets " + asWritten + ", so the filter sends pages as written and "
                + "so does rewrite; run it with a policy without " + asWritten + " to see what enforcement sends");
        }
        InputStream body = in;
        try {
            boolean html = flags.isHtml();
            if (flags.leftToSniffing()) {
                // The filter sniffs such a body as the browser does: read its first bytes, then put them back.
                byte[] head = in.readNBytes(DecisionFlags.SNIFFED_BYTES);
                html = HtmlSniffer.sniffsAsHtml(head, 0, head.length);
                if (!html && asWritten == null) {
                    err.println("consentgate: " + flags.notSniffedAsHtml() + ", so the filter sends it as written "
                        + "and so does rewrite");
                }
                body = new SequenceInputStream(new ByteArrayInputStream(head), in);
            }
            if (!html || flags.decision().allowsEverything() || asWritten != null) {
                body.transferTo(out);
                out.flush();
                return 0;
            }
            RewriteStream rewrite = flags.open(flags.charset(), out, null);
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = body.read(buf)) >= 0; ) {
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
