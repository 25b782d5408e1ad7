package io.consentgate.matrix;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** {@code /case/NAME}: single responses for the commit-time decisions the matrix does not vary. */
final class CommitCases {

    static final int PAGE = 20_000;

    private CommitCases() {
    }

    static void serve(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] page = Pages.bytes(PAGE, StandardCharsets.UTF_8);
        switch (name) {
            case "gzip" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.setHeader("Content-Encoding", "gzip");
                byte[] gz = gzip(page);
                resp.setContentLength(gz.length);
                resp.getOutputStream().write(gz);
            }
            case "etag" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.setHeader("ETag", "\"v42\"");
                resp.setHeader("Vary", "Accept-Encoding");
                resp.setContentLength(page.length);
                resp.getOutputStream().write(page);
            }
            case "not-modified" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.setStatus(304);
            }
            case "no-content" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.setStatus(204);
            }
            case "css" -> {
                byte[] css = ".pixel{background:url(https://www.facebook.com/tr?id=1)}\n".getBytes(
                        StandardCharsets.US_ASCII);
                resp.setContentType("text/css");
                resp.setContentLength(css.length);
                resp.getOutputStream().write(css);
            }
            case "html-length" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.setContentLength(page.length);
                resp.getOutputStream().write(page);
            }
            case "exclusive" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getOutputStream();
                try {
                    resp.getWriter();
                    resp.setHeader("X-Writer-After-Stream", "allowed");
                } catch (IllegalStateException e) {
                    resp.setHeader("X-Writer-After-Stream", "IllegalStateException");
                }
                resp.getOutputStream().write(page);
            }
            case "exclusive-writer" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter();
                try {
                    resp.getOutputStream();
                    resp.setHeader("X-Stream-After-Writer", "allowed");
                } catch (IllegalStateException e) {
                    resp.setHeader("X-Stream-After-Writer", "IllegalStateException");
                }
                resp.getWriter().write(Pages.text(PAGE, StandardCharsets.UTF_8));
            }
            case "status-after-write" -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getOutputStream().write("<p>".getBytes(StandardCharsets.US_ASCII));
                resp.setStatus(204);
            }
            default -> resp.sendError(400, name);
        }
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }
}
