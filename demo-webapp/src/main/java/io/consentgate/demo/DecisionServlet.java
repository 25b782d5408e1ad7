package io.consentgate.demo;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentGate;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code /decision}: shows what ConsentGate decided for this request, the signals it saw, and the headers it added,
 * plus the no-JavaScript consent form. This is how application code reads the decision.
 */
public final class DecisionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ConsentDecision d = ConsentGate.decision(req);
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        String ctx = Html.escape(req.getContextPath());
        PrintWriter w = resp.getWriter();
        w.println("<!doctype html><html lang=en><head><meta charset=utf-8><title>Your privacy decision</title>");
        w.println("<link rel=stylesheet href=\"" + ctx + "/demo.css\"></head><body><main>");
        w.println("<h1>What ConsentGate decided for this request</h1><table>");
        w.println("<tr><th>Category</th><th>Allowed</th><th>Why</th></tr>");
        for (Category c : Category.values()) {
            w.println("<tr><td>" + c.id() + "</td><td class=" + (d.allows(c) ? "yes>yes" : "no>no") + "</td><td>"
                    + d.basis(c).id() + "</td></tr>");
        }
        w.println("</table><h2>Signals your browser sent</h2><ul>");
        w.println("<li><code>DNT</code>: " + shown(req.getHeader("DNT")) + "</li>");
        w.println("<li><code>Sec-GPC</code>: " + shown(req.getHeader("Sec-GPC")) + "</li>");
        w.println("<li>Default mode: " + d.mode().id() + "</li></ul>");
        w.println("<h2>Headers ConsentGate added to this response</h2><ul>");
        for (String h : new String[] {"Tk", "Vary", "Permissions-Policy", "Cache-Control"}) {
            w.println("<li><code>" + h + "</code>: " + shown(resp.getHeader(h)) + "</li>");
        }
        w.println("</ul>");
        String consentPath = ConsentGate.consentPath(req);
        ConsentForm.write(w, d, consentPath, "/decision");
        w.println("<p><a href=\"" + ctx + "/\">Back to the shop</a> · " + (consentPath == null ? ""
                : "<a href=\"" + Html.escape(consentPath) + "\">this decision as JSON</a> · ") + "<a href=\"" + ctx
                + "/.well-known/gpc.json\">gpc.json</a></p></main></body></html>");
    }

    private static String shown(String v) {
        return v == null ? "<em>not sent</em>" : "<code>" + Html.escape(v) + "</code>";
    }
}
