package io.consentgate.beacon;

import java.nio.charset.StandardCharsets;

/** A container under test with {@link GateHarness} deployed at the root context. */
interface BeaconServer extends AutoCloseable {

    /** Bound for every wait on the container: a missing answer fails the test instead of hanging it. */
    int TIMEOUT_MS = 10_000;

    String name();

    /** How many times the application servlet ran. */
    int appCalls();

    /** Sends a complete raw request ({@code Connection: close} added) and returns the raw response. */
    String exchange(String head, byte[] body) throws Exception;

    /**
     * Sends the head and only {@code bodyStart} of a request whose headers promise a longer body, then waits (bounded)
     * for the response head without sending the rest.
     *
     * @return the raw response received up to the end of the first final (non-1xx) response head
     */
    String headFirst(String head, byte[] bodyStart) throws Exception;

    /**
     * Like {@link #headFirst}, then sends {@code rest} (if the connection is still open) and reads until the server
     * closes the connection, bounded by {@link #TIMEOUT_MS}.
     *
     * @return everything the server sent on the connection
     */
    String headFirstThenRest(String head, byte[] bodyStart, byte[] rest) throws Exception;

    @Override
    void close() throws Exception;

    static String crlf(String raw) {
        String r = raw.strip().replace("\r\n", "\n").replace("\n", "\r\n");
        return r + "\r\n\r\n";
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Whether {@code raw} contains a complete final response head (after any 1xx interim responses). */
    static boolean hasFinalHead(String raw) {
        int from = 0;
        while (true) {
            int end = raw.indexOf("\r\n\r\n", from);
            if (end < 0) {
                return false;
            }
            if (!raw.startsWith("HTTP/1.1 1", from)) {
                return true;
            }
            from = end + 4;
        }
    }
}
