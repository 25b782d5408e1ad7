package io.consentgate.response;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The container's {@code HttpServletResponse.sendRedirect(String, int, boolean)}, new in Servlet 6.1. This library
 * compiles against 6.0 (its minimum), so {@link ConsentResponse}'s 6.1 redirect doors are plain methods that override
 * the 6.1 {@code HttpServletResponseWrapper}'s at run time and reach the container through a method handle, looked up
 * once; on a Servlet 6.0 container there is none. Stateless.
 */
final class Servlet61Redirect {

    private static final MethodHandle REDIRECT = redirectHandle();

    private Servlet61Redirect() {
    }

    /** Whether the container's Servlet API has the method (6.1 or later). */
    static boolean available() {
        return REDIRECT != null;
    }

    /** Calls the container's {@code sendRedirect(location, sc, clearBuffer)}; needs {@link #available()}. */
    static void send(HttpServletResponse container, String location, int sc, boolean clearBuffer)
            throws IOException {
        try {
            REDIRECT.invokeExact(container, location, sc, clearBuffer);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    private static MethodHandle redirectHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(HttpServletResponse.class, "sendRedirect",
                    MethodType.methodType(void.class, String.class, int.class, boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
