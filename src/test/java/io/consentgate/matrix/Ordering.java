package io.consentgate.matrix;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * One way an application can produce an HTML response: the order in which it sets the length, obtains the stream or
 * writer, sets the type, writes, flushes, resets or ends with an error or redirect. Each ordering ends by having sent
 * the page (or, for {@link #SEND_ERROR}, having the error page send it) unless it says otherwise.
 */
enum Ordering {
    TYPE_STREAM_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            x.writeStream(x.resp.getOutputStream(), 0, x.page.length, false);
        }
    },
    TYPE_WRITER_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            x.writeText(x.resp.getWriter(), 0, x.text.length(), false);
        }
    },
    LENGTH_TYPE_STREAM_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentLength(x.page.length);
            x.resp.setContentType(x.type());
            x.writeStream(x.resp.getOutputStream(), 0, x.page.length, false);
        }
    },
    LENGTH_HEADER_TYPE_WRITER_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setHeader("content-length", Integer.toString(x.page.length));
            x.resp.setContentType(x.type());
            x.writeText(x.resp.getWriter(), 0, x.text.length(), false);
        }
    },
    TYPE_INT_HEADER_LENGTH_STREAM_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            x.resp.setIntHeader("Content-Length", x.page.length);
            x.writeStream(x.resp.getOutputStream(), 0, x.page.length, false);
        }
    },
    STREAM_TYPE_ADD_HEADER_LENGTH_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            ServletOutputStream out = x.resp.getOutputStream();
            x.resp.setContentType(x.type());
            x.resp.addHeader("Content-Length", Integer.toString(x.page.length));
            x.writeStream(out, 0, x.page.length, false);
        }
    },
    STREAM_WRITE_LONG_LENGTH_LATE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            ServletOutputStream out = x.resp.getOutputStream();
            int half = x.page.length / 2;
            x.writeStream(out, 0, half, false);
            x.resp.setContentLengthLong(x.page.length);
            x.writeStream(out, half, x.page.length, false);
        }
    },
    ENCODING_WRITER_TYPE_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setCharacterEncoding(x.charset.name());
            PrintWriter w = x.resp.getWriter();
            x.resp.setContentType("text/html");
            x.writeText(w, 0, x.text.length(), false);
        }
    },
    STREAM_WRITE_BYTE_THEN_TYPE {
        @Override
        void run(Exchange x) throws IOException {
            ServletOutputStream out = x.resp.getOutputStream();
            int first = Math.min(1, x.page.length);
            x.writeStream(out, 0, first, false);
            x.resp.setContentType(x.type());
            x.writeStream(out, first, x.page.length, false);
        }
    },
    STREAM_WRITE_FLUSH_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            ServletOutputStream out = x.resp.getOutputStream();
            int half = x.page.length / 2;
            x.writeStream(out, 0, half, false);
            out.flush();
            x.writeStream(out, half, x.page.length, false);
        }
    },
    WRITER_FLUSH_EVERY_CHUNK {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            x.writeText(x.resp.getWriter(), 0, x.text.length(), true);
        }
    },
    FLUSH_BUFFER_BEFORE_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            x.resp.flushBuffer();
            x.writeStream(x.resp.getOutputStream(), 0, x.page.length, false);
        }
    },
    WRITER_FLUSH_BUFFER_MIDWAY {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            PrintWriter w = x.resp.getWriter();
            int half = x.text.length() / 2;
            x.writeText(w, 0, half, false);
            x.resp.flushBuffer();
            x.writeText(w, half, x.text.length(), false);
        }
    },
    RESET_THEN_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType("text/plain");
            x.resp.setContentLength(5);
            x.resp.addHeader("X-Discarded", "yes");
            x.resp.getWriter().print("junk!");
            x.resp.reset();
            x.resp.setContentType(x.type());
            x.writeStream(x.resp.getOutputStream(), 0, x.page.length, false);
        }
    },
    RESET_BUFFER_THEN_WRITE {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            ServletOutputStream out = x.resp.getOutputStream();
            out.write("<p>draft</p><script src=\"https://connect.facebook.net/en_US/fbevents.js\">"
                    .getBytes(x.charset));
            x.resp.resetBuffer();
            x.writeStream(out, 0, x.page.length, false);
        }
    },
    SEND_ERROR {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            x.resp.getWriter().print("<p>partial</p><img src=\"https://bat.bing.com/action/0?ti=1\">");
            x.resp.sendError(404, "no such product");
        }
    },
    SEND_REDIRECT {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            x.resp.getOutputStream().write("<p>moved</p>".getBytes(x.charset));
            x.resp.sendRedirect("/moved/here");
        }
    },
    FORWARD {
        @Override
        void run(Exchange x) throws IOException, ServletException {
            x.resp.setHeader("X-Forwarded-From", "/m");
            x.req.getRequestDispatcher("/fragment").forward(x.req, x.resp);
        }
    },
    /** As {@link #FORWARD}, with the dispatcher from the ServletContext rather than the request. */
    CONTEXT_FORWARD {
        @Override
        void run(Exchange x) throws IOException, ServletException {
            x.resp.setHeader("X-Forwarded-From", "/m");
            x.req.getServletContext().getRequestDispatcher("/fragment").forward(x.req, x.resp);
        }
    },
    RANDOM_CHUNKS_AND_FLUSHES {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            ServletOutputStream out = x.resp.getOutputStream();
            java.util.Random rnd = new java.util.Random(x.seed);
            for (int i = 0; i < x.page.length; ) {
                int len = Math.min(x.page.length - i,
                        rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(16) : 1 + rnd.nextInt(9000));
                out.write(x.page, i, len);
                i += len;
                if (rnd.nextInt(10) == 0) {
                    out.flush();
                }
            }
        }
    },
    INCLUDE {
        @Override
        void run(Exchange x) throws IOException, ServletException {
            x.resp.setContentType(x.type());
            x.resp.getOutputStream();
            x.req.getRequestDispatcher("/fragment").include(x.req, x.resp);
        }
    },
    /** The included fragment writes the page, then redirects and sends an error: both have no effect there. */
    INCLUDE_THEN_REDIRECT {
        @Override
        void run(Exchange x) throws IOException, ServletException {
            x.resp.setContentType(x.type());
            x.resp.getOutputStream();
            x.req.setAttribute(ScenarioServlet.FRAGMENT_ENDS_WITH_REDIRECT, Boolean.TRUE);
            x.req.getRequestDispatcher("/fragment").include(x.req, x.resp);
        }
    },
    /** As {@link #INCLUDE_THEN_REDIRECT}, with the dispatcher from the ServletContext rather than the request. */
    CONTEXT_INCLUDE_THEN_REDIRECT {
        @Override
        void run(Exchange x) throws IOException, ServletException {
            x.resp.setContentType(x.type());
            x.resp.getOutputStream();
            x.req.setAttribute(ScenarioServlet.FRAGMENT_ENDS_WITH_REDIRECT, Boolean.TRUE);
            x.req.getServletContext().getRequestDispatcher("/fragment").include(x.req, x.resp);
        }
    },
    /** Half the page, a commit, a sendError that must throw (and change nothing), the other half. */
    FLUSH_THEN_SEND_ERROR {
        @Override
        void run(Exchange x) throws IOException {
            x.resp.setContentType(x.type());
            ServletOutputStream out = x.resp.getOutputStream();
            int half = x.page.length / 2;
            out.write(x.page, 0, half);
            x.resp.flushBuffer();
            try {
                x.resp.sendError(500);
                throw new IllegalStateException("sendError on a committed response did not throw");
            } catch (IllegalStateException expected) {
                if (expected.getMessage() != null && expected.getMessage().startsWith("sendError on a committed")) {
                    throw expected;
                }
            }
            out.write(x.page, half, x.page.length - half);
        }
    },
    /** The included fragment goes async and writes the page from its own thread (run in sync mode only). */
    INCLUDE_FRAGMENT_GOES_ASYNC {
        @Override
        void run(Exchange x) throws IOException, ServletException {
            x.resp.setContentType(x.type());
            x.req.setAttribute(ScenarioServlet.FRAGMENT_GOES_ASYNC, Boolean.TRUE);
            x.req.getRequestDispatcher("/fragment").include(x.req, x.resp);
        }
    },
    /** The page from an included fragment, then the including servlet redirects: an ordinary redirect again. */
    INCLUDE_THEN_OUTER_REDIRECT {
        @Override
        void run(Exchange x) throws IOException, ServletException {
            x.resp.setContentType(x.type());
            x.resp.getOutputStream();
            x.req.getRequestDispatcher("/fragment").include(x.req, x.resp);
            x.resp.sendRedirect("/moved/here");
        }
    };

    abstract void run(Exchange x) throws IOException, ServletException;

    /** Whether the body the client receives is the page rewritten (otherwise only status and framing count). */
    boolean sendsPage() {
        return !redirects();
    }

    /** Whether the exchange ends with {@code sendRedirect}. */
    boolean redirects() {
        return this == SEND_REDIRECT || this == INCLUDE_THEN_OUTER_REDIRECT;
    }

    int expectedStatus() {
        return switch (this) {
            case SEND_ERROR -> 404;
            case SEND_REDIRECT, INCLUDE_THEN_OUTER_REDIRECT -> 302;
            default -> 200;
        };
    }

    /** What one scenario servlet call works with. */
    static final class Exchange {
        final HttpServletRequest req;
        final HttpServletResponse resp;
        final Charset charset;
        final byte[] page;
        final String text;
        final long seed;

        Exchange(HttpServletRequest req, HttpServletResponse resp, Charset charset, byte[] page, String text) {
            this.seed = req.getParameter("seed") == null ? 0 : Long.parseLong(req.getParameter("seed"));
            this.req = req;
            this.resp = resp;
            this.charset = charset;
            this.page = page;
            this.text = text;
        }

        String type() {
            return "text/html;charset=" + charset.name();
        }

        void writeStream(ServletOutputStream out, int from, int to, boolean flushEach) throws IOException {
            for (int i = from; i < to; i += 4000) {
                out.write(page, i, Math.min(4000, to - i));
                if (flushEach) {
                    out.flush();
                }
            }
        }

        void writeText(PrintWriter w, int from, int to, boolean flushEach) {
            for (int i = from; i < to; i += 3000) {
                w.write(text, i, Math.min(3000, to - i));
                if (flushEach) {
                    w.flush();
                }
            }
        }
    }
}
