package io.consentgate.html;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A few reusable byte buffers shared by the streams of one {@link HtmlRewriter}, so a response allocates nothing
 * for its hold and defer buffers in steady state. Lock-free; a buffer is owned by one stream between take and give.
 */
final class BufferPool {

    private static final int SLOTS = 16;
    private static final int MAX_POOLED = 1 << 20;

    private final AtomicReferenceArray<byte[]> slots = new AtomicReferenceArray<>(SLOTS);

    /** A buffer of at least {@code min} bytes. */
    byte[] take(int min) {
        int start = (int) (Thread.currentThread().getId() % SLOTS);
        for (int i = 0; i < SLOTS; i++) {
            int s = (start + i) % SLOTS;
            byte[] b = slots.get(s);
            if (b != null && b.length >= min && slots.compareAndSet(s, b, null)) {
                return b;
            }
        }
        return new byte[min];
    }

    /** Returns a buffer taken earlier (or grown from one); it must not be used afterwards. */
    void give(byte[] b) {
        if (b == null || b.length > MAX_POOLED) {
            return;
        }
        int start = (int) (Thread.currentThread().getId() % SLOTS);
        for (int i = 0; i < SLOTS; i++) {
            int s = (start + i) % SLOTS;
            if (slots.get(s) == null && slots.compareAndSet(s, null, b)) {
                return;
            }
        }
    }
}
