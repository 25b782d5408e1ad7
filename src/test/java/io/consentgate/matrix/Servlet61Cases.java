package io.consentgate.matrix;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * {@code /servlet61/NAME}: an application compiled against Servlet 6.1 using the response methods that version added
 * beside the redirects ({@link Redirects61}). Calls go through the API interfaces, as such an application's bytecode
 * does; the test sources are compiled against 6.0, so they are looked up at run time ({@link Servlet61ResponseTest}
 * runs only where the 6.1 API is on the class path).
 */
final class Servlet61Cases {

    /** A Latin-1 page with a pixel: what arrives must be these characters in the charset the header names. */
    static final String PAGE = "<!doctype html><html><head><title>Crème brûlée</title></head><body>"
            + "<p>Café crème, ½ price</p><img src=\"https://www.facebook.com/tr?id=77&amp;ev=PageView\" alt=\"\">"
            + "</body></html>";

    private Servlet61Cases() {
    }

    static void serve(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            switch (name) {
                case "charset-object-after-writer" -> {
                    // The writer is taken in ISO-8859-1; a later setCharacterEncoding(Charset) is ignored by the
                    // container, as the String form is: the writer's bytes stay what the header says they are.
                    resp.setContentType("text/html;charset=ISO-8859-1");
                    PrintWriter w = resp.getWriter();
                    setCharacterEncoding(resp, StandardCharsets.UTF_8);
                    w.print(PAGE);
                }
                case "charset-object-before-writer" -> {
                    resp.setContentType("text/html");
                    setCharacterEncoding(resp, StandardCharsets.UTF_8);
                    resp.getWriter().print(PAGE);
                }
                default -> resp.sendError(400, name);
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    private static void setCharacterEncoding(ServletResponse resp, Charset charset) throws Throwable {
        MethodHandle h = MethodHandles.publicLookup().findVirtual(ServletResponse.class, "setCharacterEncoding",
                MethodType.methodType(void.class, Charset.class));
        h.invoke(resp, charset);
    }
}
