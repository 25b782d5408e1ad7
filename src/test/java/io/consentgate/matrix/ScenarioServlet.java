package io.consentgate.matrix;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.Charset;

/**
 * The application of the matrix: {@code /m?o=ORDERING&n=SIZE&cs=CHARSET&a=sync|async|listener} runs one
 * {@link Ordering} producing the {@link Pages page} of that size and charset, on the request thread, on a container
 * thread after {@code startAsync()}, or as non-blocking writes from a {@link WriteListener}. {@code /fragment} writes
 * the page for forwards and includes, {@code /error-page} is the 404 error page and writes it too.
 */
public final class ScenarioServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String SCENARIO = "matrix.scenario";
    /** Request attribute: the included fragment goes async, writes from its own thread, then tries to set a status. */
    static final String FRAGMENT_GOES_ASYNC = "matrix.fragment.async";
    /** Request attribute: the included fragment calls sendRedirect and sendError after writing. */
    static final String FRAGMENT_ENDS_WITH_REDIRECT = "matrix.fragment.redirect";

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        String path = req.getDispatcherType() == DispatcherType.INCLUDE
                ? (String) req.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI) : req.getRequestURI();
        if (path.startsWith("/fragment") || path.startsWith("/error-page")) {
            writeFragment(req, resp);
            return;
        }
        if (path.startsWith("/case/")) {
            CommitCases.serve(path.substring(6), req, resp);
            return;
        }
        if (path.startsWith("/contract/")) {
            ContractCases.serve(path.substring(10), req, resp);
            return;
        }
        if (path.startsWith("/servlet61/")) {
            Servlet61Cases.serve(path.substring(11), req, resp);
            return;
        }
        if (path.startsWith("/redirect61")) {
            Redirects61.serve(req, resp);
            return;
        }
        if (path.startsWith("/cache")) {
            CacheCases.serve(req, resp);
            return;
        }
        if (path.startsWith("/cookies")) {
            CookieDoors.serve(req, resp);
            return;
        }
        Charset charset = Charset.forName(req.getParameter("cs"));
        int size = Integer.parseInt(req.getParameter("n"));
        req.setAttribute(SCENARIO, size + "/" + charset.name());
        Ordering ordering = Ordering.valueOf(req.getParameter("o"));
        Ordering.Exchange x = new Ordering.Exchange(req, resp, charset, Pages.bytes(size, charset),
                Pages.text(size, charset));
        switch (req.getParameter("a")) {
            case "sync" -> ordering.run(x);
            case "async" -> runAsync(req, ordering, x);
            case "listener" -> writeNonBlocking(req, x);
            default -> throw new ServletException("a=" + req.getParameter("a"));
        }
    }

    private static void runAsync(HttpServletRequest req, Ordering ordering, Ordering.Exchange x) {
        AsyncContext ac = req.startAsync();
        ac.start(() -> {
            try {
                ordering.run(new Ordering.Exchange((HttpServletRequest) ac.getRequest(),
                        (HttpServletResponse) ac.getResponse(), x.charset, x.page, x.text));
            } catch (IOException | ServletException | RuntimeException e) {
                ((HttpServletResponse) ac.getResponse()).setHeader("X-Scenario-Failure", e.toString());
            } finally {
                ac.complete();
            }
        });
    }

    private static void writeNonBlocking(HttpServletRequest req, Ordering.Exchange x) throws IOException {
        AsyncContext ac = req.startAsync();
        HttpServletResponse resp = (HttpServletResponse) ac.getResponse();
        resp.setContentType(x.type());
        ServletOutputStream out = resp.getOutputStream();
        out.setWriteListener(new WriteListener() {
            private int at;

            @Override
            public void onWritePossible() throws IOException {
                while (out.isReady()) {
                    if (at >= x.page.length) {
                        ac.complete();
                        return;
                    }
                    int len = Math.min(5000, x.page.length - at);
                    out.write(x.page, at, len);
                    at += len;
                }
            }

            @Override
            public void onError(Throwable t) {
                ac.complete();
            }
        });
    }

    private static void writeFragment(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] scenario = ((String) req.getAttribute(SCENARIO)).split("/");
        Charset charset = Charset.forName(scenario[1]);
        byte[] page = Pages.bytes(Integer.parseInt(scenario[0]), charset);
        if (resp.getContentType() == null) {
            resp.setContentType("text/html;charset=" + charset.name());
        }
        if (req.getDispatcherType() == DispatcherType.INCLUDE && req.getAttribute(FRAGMENT_GOES_ASYNC) != null) {
            AsyncContext ac = req.startAsync();
            ac.start(() -> {
                try {
                    resp.getOutputStream().write(page);
                    // still the include's response: status and headers are ignored, as in any include
                    resp.setStatus(500);
                    resp.setHeader("X-From-Fragment", "ignored");
                } catch (IOException e) {
                    resp.setHeader("X-Scenario-Failure", e.toString());
                } finally {
                    ac.complete();
                }
            });
            return;
        }
        ServletOutputStream out = resp.getOutputStream();
        for (int i = 0; i < page.length; i += 6000) {
            out.write(page, i, Math.min(6000, page.length - i));
        }
        if (req.getDispatcherType() == DispatcherType.INCLUDE && req.getAttribute(FRAGMENT_ENDS_WITH_REDIRECT) != null) {
            // "No effect if called from an include": the page above is the whole body.
            resp.sendRedirect("/elsewhere");
            resp.sendError(500, "ignored in an include");
            resp.reset();
        }
    }
}
