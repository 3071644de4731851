package org.envhub.platform.support;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/**
 * Waits for what the gateway stores without an answer to wait for (a refused frame), or for frames of other
 * devices: with several writers (the default on PostgreSQL) each device's frames are stored by the writer its MN
 * hashes to, so one device's answer says nothing about another device's frames.
 */
public final class Eventually {

    private Eventually() {
    }

    /** Asks {@code condition} every 50 ms until it holds; fails naming {@code what} after 10 s. */
    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within 10 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
