package dev.tpmconsole.app;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Run by {@link IdleCollectionTest} in a JVM of its own: starts the idle collection, makes young data that lives on
 * (as a window's), works for a moment, then is quiet, and prints after each phase how many collections the JVM made
 * because they were asked for ({@code System.gc()}).
 */
public final class IdleCollectionProbe {

    private IdleCollectionProbe() {
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)
                        && GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcCause()
                        .equals("System.gc()")) {
                    asked.incrementAndGet();
                }
            }, null, null);
        }
        System.out.println("started " + IdleCollection.startIfAvailable());
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < 1536; i++) {
            kept.add(new byte[16 * 1024]); // 24 MB in arrays small enough for eden
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        long sum = 0;
        while (System.nanoTime() < end) {
            for (byte[] b : kept) {
                sum += b.length ^ sum;
            }
        }
        System.out.println("busy " + asked.get());
        Thread.sleep(2000);
        System.out.println("quiet " + asked.get());
        Thread.sleep(2000);
        System.out.println("still " + asked.get() + " (" + kept.size() + ", " + (sum & 1) + ")");
    }
}
