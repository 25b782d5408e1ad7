package io.consentgate;

import com.fasterxml.jackson.core.util.BufferRecyclers;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Jackson's per-thread buffer slot, the one its default buffer pool fills: a container's thread that holds a buffer
 * set there after a webapp's work keeps that webapp's class loader reachable once it is undeployed.
 */
public final class JacksonSlot {

    private static final ThreadLocal<?> SLOT = slot();

    private JacksonSlot() {
    }

    /** Whether the current thread holds a Jackson buffer set. */
    public static boolean held() {
        return SLOT.get() != null;
    }

    /**
     * Runs {@code work} on a new thread and answers whether that thread held a Jackson buffer set when the work ended
     * (normally or not); an unexpected {@link Error} of the work is thrown here.
     */
    public static boolean heldAfter(Runnable work) throws InterruptedException {
        AtomicBoolean held = new AtomicBoolean();
        AtomicReference<Error> error = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException expected) {
                // an error path is work too: what counts is what the thread keeps afterwards
            } catch (Error e) {
                error.set(e);
            } finally {
                held.set(held());
            }
        }, "jackson-slot-probe");
        t.start();
        t.join();
        if (error.get() != null) {
            throw error.get();
        }
        return held.get();
    }

    private static ThreadLocal<?> slot() {
        try {
            Field f = BufferRecyclers.class.getDeclaredField("_recyclerRef");
            f.setAccessible(true);
            return (ThreadLocal<?>) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Jackson's per-thread buffer slot has moved", e);
        }
    }
}
