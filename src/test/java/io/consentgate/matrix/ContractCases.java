package io.consentgate.matrix;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /contract/NAME}: an application using the parts of the Servlet response contract where a wrapper that holds
 * the body back can lose or resurrect bytes: writer and stream after {@code resetBuffer()} and {@code reset()},
 * output before a forward, a page written from an async timeout, a body without a content type, and the container's
 * checks on buffer size and charset. Each writes {@link Pages the matrix page} of {@link CommitCases#PAGE} bytes (or
 * its text) as what must arrive.
 */
final class ContractCases {

    /** Written and then discarded: must never reach the client. */
    static final String DISCARDED = "<p>DISCARDED</p><script async "
            + "src=\"https://www.googletagmanager.com/gtag/js?id=G-DROP1\"></script>";

    /** The application's hints: its stylesheet, and a refused tracker's loader the visitor's browser must not fetch. */
    static final String EARLY_HINTS = "</assets/site.css>; rel=preload; as=style, "
            + "<https://www.googletagmanager.com/gtm.js?id=GTM-HINT1>; rel=preload; as=script";

    private ContractCases() {
    }

    /** 100,000 bytes of a binary file, every byte value, with HTML a sniffer could take for a page inside. */
    static byte[] download() {
        byte[] file = new byte[100_000];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 131 + (i >>> 9));
        }
        byte[] html = "<img src=\"https://www.facebook.com/tr?id=1\">".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(html, 0, file, 50_000, html.length);
        return file;
    }

    static void serve(String name, HttpServletRequest req, HttpServletResponse resp)
            throws IOException, ServletException {
        byte[] page = Pages.bytes(CommitCases.PAGE, StandardCharsets.UTF_8);
        String text = Pages.text(CommitCases.PAGE, StandardCharsets.UTF_8);
        switch (name) {
            case "reset-buffer-writer" -> {
                resp.setContentType("text/html;charset=UTF-8");
                PrintWriter w = resp.getWriter();
                w.print(DISCARDED);
                resp.resetBuffer();
                w.print(text);
            }
            case "reset-buffer-writer-large" -> {
                resp.setContentType("text/html;charset=UTF-8");
                PrintWriter w = resp.getWriter();
                w.print(DISCARDED.repeat(20)); // past any 1 KB encoder buffer, below the response buffer
                resp.resetBuffer();
                w.print(text);
            }
            case "reset-old-writer" -> {
                resp.setContentType("text/html;charset=UTF-8");
                PrintWriter w = resp.getWriter();
                w.print(DISCARDED);
                resp.reset();
                resp.setContentType("text/html;charset=UTF-8");
                w.print(text); // the containers hand out the same writer after reset(): it keeps working
            }
            case "reset-old-stream" -> {
                resp.setContentType("text/html;charset=UTF-8");
                var out = resp.getOutputStream();
                out.write(DISCARDED.getBytes(StandardCharsets.UTF_8));
                resp.reset();
                resp.setContentType("text/html;charset=UTF-8");
                out.write(page);
            }
            case "forward-writer" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().print(DISCARDED);
                req.getRequestDispatcher("/contract/target?writer=1").forward(req, resp);
            }
            case "forward-stream" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getOutputStream().write(DISCARDED.getBytes(StandardCharsets.UTF_8));
                req.getRequestDispatcher("/contract/target").forward(req, resp);
            }
            case "forward-stream-by-context" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getOutputStream().write(DISCARDED.getBytes(StandardCharsets.UTF_8));
                req.getServletContext().getRequestDispatcher("/contract/target").forward(req, resp);
            }
            case "forward-stream-to-writer" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getOutputStream().write(DISCARDED.getBytes(StandardCharsets.UTF_8));
                req.getRequestDispatcher("/contract/target?writer=1").forward(req, resp);
            }
            case "forward-writer-to-utf16-stream" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().print(DISCARDED);
                req.getRequestDispatcher("/contract/target-utf16").forward(req, resp);
            }
            case "target-utf16" -> {
                resp.setContentType("text/html;charset=UTF-16BE");
                resp.getOutputStream().write(text.getBytes(StandardCharsets.UTF_16BE));
            }
            case "writer-lone-high-surrogate" -> {
                resp.setContentType("text/html;charset=UTF-8");
                PrintWriter w = resp.getWriter();
                w.print("<p>a\uD83D");
                w.print("\uD83D\uDE00b</p>");
            }
            case "target" -> {
                resp.setContentType("text/html;charset=UTF-8");
                if (req.getParameter("writer") != null) {
                    resp.getWriter().print(text);
                } else {
                    resp.getOutputStream().write(page);
                }
            }
            case "async-timeout", "async-timeout-supplied" -> {
                boolean supplied = name.endsWith("supplied");
                AsyncContext ac = req.startAsync();
                ac.setTimeout(200);
                ac.addListener(new AsyncListener() {
                    @Override
                    public void onTimeout(AsyncEvent event) throws IOException {
                        // The page is written from the event, as frameworks answer a timed-out request.
                        HttpServletResponse r = (HttpServletResponse) (supplied ? event.getSuppliedResponse()
                                : event.getAsyncContext().getResponse());
                        r.setContentType("text/html;charset=UTF-8");
                        r.getOutputStream().write(page);
                        event.getAsyncContext().complete();
                    }

                    @Override
                    public void onComplete(AsyncEvent event) {
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                    }
                });
            }
            case "early-hints" -> {
                // 103 Early Hints, as Tomcat and Jetty send them for sendError(103): an interim response with the
                // Link headers set so far, after which the application goes on with its page.
                resp.setHeader("Link", EARLY_HINTS);
                resp.sendError(103);
                resp.setContentType("text/html;charset=UTF-8");
                resp.getOutputStream().write(page);
            }
            case "link-headers" -> {
                resp.addHeader("Link", "<https://connect.facebook.net>; rel=preconnect");
                resp.addHeader("Link", "</assets/site.css>; rel=preload; as=style");
                // replaces every link so far with one that is refused: no link is left
                resp.setHeader("link", "<https://www.googletagmanager.com/gtm.js?id=GTM-HINT1>; rel=preload; as=script");
                resp.addHeader("Link", "</assets/app.js>; rel=modulepreload, <https://bat.bing.com>; rel=dns-prefetch");
                resp.setContentType("text/html;charset=UTF-8");
                resp.getOutputStream().write(page);
            }
            case "container-request-class" -> {
                jakarta.servlet.ServletRequest r = req;
                while (r instanceof jakarta.servlet.ServletRequestWrapper w) {
                    r = w.getRequest();
                }
                resp.setContentType("text/plain;charset=UTF-8");
                resp.getWriter().print(r.getClass().getName());
            }
            case "refresh-headers" -> {
                resp.setHeader("Refresh", "30; url=/contract/next"); // kept
                resp.addHeader("refresh", "0; url=https://www.facebook.com/tr?id=1&ev=PageView");
                if (req.getParameter("replace") != null) {
                    resp.setHeader("Refresh", "0;URL='https://bat.bing.com/action/0?ti=1'"); // replaces it: none left
                }
                resp.setContentType("text/html;charset=UTF-8");
                resp.getOutputStream().write(page);
            }
            case "stream-print" -> {
                // The page as text through the stream's print(String): Jetty's stream encodes it in the response's
                // charset; the API's print (Tomcat, Undertow) takes ISO-8859-1 text only.
                resp.setContentType("text/html;charset=UTF-8");
                resp.getOutputStream().print(text);
            }
            case "stream-print-latin1-text" -> {
                resp.setContentType("text/html;charset=UTF-8");
                var out = resp.getOutputStream();
                out.print("<p>Caf\u00e9 cr\u00e8me</p>");
                out.print("<img src=\"https://www.facebook.com/tr?id=9&ev=PageView\" alt=\"\">");
                out.println("<p>\u00bd price</p>");
                out.print('\u00e9');
            }
            case "download-headers-flushed-first" -> {
                // A download: its length, the headers sent at once, then the file's bytes (past any buffer)
                byte[] file = download();
                resp.setContentType("application/pdf");
                resp.setHeader("Content-Disposition", "attachment; filename=\"catalogue.pdf\"");
                resp.setContentLengthLong(file.length);
                resp.flushBuffer();
                var out = resp.getOutputStream();
                for (int i = 0; i < file.length; i += 4096) {
                    out.write(file, i, Math.min(4096, file.length - i));
                }
            }
            case "html-headers-flushed-first" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.setContentLength(page.length); // the page's length before rewriting: must not be announced
                resp.flushBuffer();
                resp.getOutputStream().write(page);
            }
            case "no-content-type-flushed-first" -> {
                resp.flushBuffer();
                resp.getOutputStream().write(page);
            }
            case "no-content-type-stream-flushed-first" -> {
                var out = resp.getOutputStream();
                out.flush();
                out.write(page);
            }
            case "no-content-type" -> resp.getOutputStream().write(page);
            case "no-content-type-after-blank-lines" -> {
                var out = resp.getOutputStream();
                out.write("\n\n".getBytes(StandardCharsets.US_ASCII)); // held; the page's write overflows Tomcat's buffer
                out.write(page);
            }
            case "no-content-type-json" -> resp.getOutputStream().write(("{\"ad\":\"<img src=\\\"https://www.facebook.com"
                    + "/tr?id=1\\\">\"}").getBytes(StandardCharsets.US_ASCII));
            case "buffer-size-after-write" -> {
                resp.setContentType("text/html;charset=UTF-8");
                var out = resp.getOutputStream();
                out.write(page, 0, 100);
                try {
                    resp.setBufferSize(100_000);
                    resp.setHeader("X-Buffer-Size", "changed");
                } catch (IllegalStateException e) {
                    resp.setHeader("X-Buffer-Size", "IllegalStateException");
                }
                out.write(page, 100, page.length - 100);
            }
            case "unknown-charset" -> {
                resp.setContentType("text/html;charset=x-no-such-charset");
                try {
                    resp.getWriter();
                    resp.setHeader("X-Writer", "ISO-8859-1 fallback");
                } catch (UnsupportedEncodingException e) {
                    resp.setHeader("X-Writer", "UnsupportedEncodingException");
                    resp.setContentType("text/html;charset=UTF-8");
                }
                resp.getWriter().print(text);
            }
            case "plain-text" -> {
                resp.setContentType("text/plain;charset=UTF-8");
                var out = resp.getOutputStream();
                if (!"HEAD".equals(req.getMethod())) {
                    out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
                }
            }
            case "send-error-then-writer" -> {
                // A JSP that calls sendError in a scriptlet: the template text after it (a line break) still goes
                // through the page's writer when the page ends. The container ignores it; it must not turn the
                // error into another one.
                resp.setContentType("text/html;charset=UTF-8");
                req.setAttribute(ScenarioServlet.SCENARIO, CommitCases.PAGE + "/UTF-8"); // for the 404 page
                resp.sendError(Integer.parseInt(req.getParameter("status")));
                resp.getWriter().write(DISCARDED + "\n");
            }
            case "send-error-then-stream" -> {
                resp.setContentType("text/html;charset=UTF-8");
                req.setAttribute(ScenarioServlet.SCENARIO, CommitCases.PAGE + "/UTF-8"); // for the 404 page
                resp.sendError(Integer.parseInt(req.getParameter("status")));
                resp.getOutputStream().write(DISCARDED.getBytes(StandardCharsets.UTF_8));
            }
            default -> resp.sendError(400, name);
        }
    }
}
