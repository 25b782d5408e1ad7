package io.consentgate.container;

import io.consentgate.ConsentGate;
import io.consentgate.ConsentDecision;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application behind the filter: answers {@code allowed=[...]} from {@link ConsentGate#decision}, and for
 * {@code /own-headers} sets its own {@code Tk}, {@code Vary} and {@code Permissions-Policy} first.
 */
public final class AppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** How many times the application ran; tests assert the filter answered some paths itself. */
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CALLS.incrementAndGet();
        if (req.getRequestURI().endsWith("/own-headers")) {
            resp.setHeader("Tk", "!");
            resp.setHeader("Permissions-Policy", "geolocation=()");
            resp.setHeader("Vary", "Accept-Encoding");
        }
        if (req.getRequestURI().contains("/throws")) {
            resp.setStatus(200);
            throw new IllegalStateException("the application failed");
        }
        if (req.getRequestURI().endsWith("/boom")) {
            resp.sendError(404);
            return;
        }
        ConsentDecision d = ConsentGate.decision(req);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print("allowed=" + d.allowed() + " basis=" + d + "\n");
    }
}
