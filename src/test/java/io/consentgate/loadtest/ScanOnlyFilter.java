package io.consentgate.loadtest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * The end-to-end benchmark's yardstick, never installed by the tests: a filter that does the least any body-reading
 * filter must. It wraps the response, reads every byte of the body with the plain loop that only finds {@code <}
 * (the micro-benchmark's practical limit, {@code RewriteBenchmark.ltScan}), passes the bytes on unchanged and, as a
 * rewritten page does, sends no {@code Content-Length}, so the container chunks the body. What it costs against the
 * unfiltered server bounds from above what a rewriter's throughput can be on this machine.
 */
final class ScanOnlyFilter implements Filter {

    /** Stored so the scan is not optimized away. */
    private volatile long seen;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new Wrapper((HttpServletResponse) response));
    }

    private final class Wrapper extends HttpServletResponseWrapper {
        private ServletOutputStream out;

        Wrapper(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentLength(int len) {
            // The body a filter reads may change: the container chunks it.
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new Scanning(getResponse().getOutputStream());
            }
            return out;
        }
    }

    private final class Scanning extends ServletOutputStream {
        private final ServletOutputStream next;

        Scanning(ServletOutputStream next) {
            this.next = next;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = 0;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '<') {
                    n++;
                }
            }
            seen += n;
            next.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            next.flush();
        }

        @Override
        public void close() throws IOException {
            next.close();
        }

        @Override
        public boolean isReady() {
            return next.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            next.setWriteListener(listener);
        }
    }
}
