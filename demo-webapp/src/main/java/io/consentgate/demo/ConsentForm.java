package io.consentgate.demo;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentGate;

import java.io.PrintWriter;

/**
 * The consent form: a plain HTML form posting to ConsentGate's endpoint; works without JavaScript. The action is the
 * configured {@code consent-path} as ConsentGate puts it on the request ({@link ConsentGate#consentPath}, context path
 * included); the return path is within the webapp.
 */
final class ConsentForm {

    private ConsentForm() {
    }

    /** Writes the form posting to {@code consentPath} (null when the endpoint is off: a note instead). */
    static void write(PrintWriter w, ConsentDecision d, String consentPath, String returnPath) {
        if (consentPath == null) {
            w.println("<p class=consent>The consent endpoint is off (<code>consent-path=off</code>).</p>");
            return;
        }
        String action = Html.escape(consentPath);
        w.println("<form method=post action=\"" + action + "\" class=consent>");
        w.println("<h2>Your choices</h2>");
        w.println("<input type=hidden name=return value=\"" + Html.escape(returnPath) + "\">");
        w.println("<label><input type=checkbox checked disabled> Necessary (always on)</label>");
        for (Category c : new Category[] {Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING}) {
            w.println("<label><input type=checkbox name=categories value=" + c.id()
                    + (d.allows(c) ? " checked" : "") + "> " + label(c) + "</label>");
        }
        w.println("<p><button type=submit>Save my choices</button> "
                + "<button type=submit name=categories value=all>Accept all</button></p>");
        w.println("</form>");
        // A form of its own, so the boxes ticked above are not sent along with the refusal.
        w.println("<form method=post action=\"" + action + "\" class=consent-reject>");
        w.println("<input type=hidden name=return value=\"" + Html.escape(returnPath) + "\">");
        w.println("<button type=submit name=categories value=none>Reject all</button></form>");
    }

    private static String label(Category c) {
        return switch (c) {
            case FUNCTIONAL -> "Functional (chat, remembered preferences)";
            case ANALYTICS -> "Analytics (Google Analytics 4)";
            case MARKETING -> "Marketing (Meta pixel, LinkedIn Insight, Google Ads)";
            default -> c.id();
        };
    }
}
