package dev.tpmconsole.app.bench;

import dev.tpmconsole.app.Launcher;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.stage.Window;

/**
 * Starts the console as {@code java -jar} does ({@link Launcher#main}, same arguments) and prints, on standard
 * output, the wall-clock time (epoch milliseconds) at which the main window's VM list first showed a row with a VM
 * in it, painted: the first pulse after the row was laid out. Then it exits. The start-up benchmark
 * (bench/startup.sh) subtracts the time it started the process.
 */
public final class FirstRowProbe {

    private FirstRowProbe() {
    }

    public static void main(String[] args) {
        // with -Dtpmconsole.relaunch=true this JVM starts the window's (decision 0029), which runs this again and probes
        if (!"true".equals(System.getProperty("tpmconsole.relaunch")) || System.getProperty("tpmconsole.parent") != null) {
            Thread probe = new Thread(FirstRowProbe::probe, "first-row-probe");
            probe.setDaemon(true);
            probe.start();
        }
        Launcher.main(args);
    }

    private static void probe() {
        while (true) {
            CountDownLatch checked = new CountDownLatch(1);
            boolean[] found = new boolean[1];
            try {
                Platform.runLater(() -> {
                    found[0] = Window.getWindows().stream().map(Window::getScene).anyMatch(FirstRowProbe::hasVmRow);
                    checked.countDown();
                });
                checked.await(5, TimeUnit.SECONDS);
            } catch (IllegalStateException toolkitNotStarted) {
                // the toolkit is not up yet
            } catch (InterruptedException e) {
                return;
            }
            if (found[0]) {
                // painted: what the next pulse laid out and rendered, then the FX thread is free again
                Platform.runLater(() -> {
                    Platform.requestNextPulse();
                    Window.getWindows().get(0).getScene().addPostLayoutPulseListener(new Runnable() {
                        @Override
                        public void run() {
                            Window.getWindows().get(0).getScene().removePostLayoutPulseListener(this);
                            Platform.runLater(() -> {
                                System.out.println("first-row " + System.currentTimeMillis());
                                System.out.flush();
                                // exit off the FX thread: shutdown hooks (a flight recording's dump) may need it
                                new Thread(() -> System.exit(0), "first-row-exit").start();
                            });
                        }
                    });
                });
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean hasVmRow(Scene scene) {
        if (scene == null) {
            return false;
        }
        Node table = scene.lookup("#vmTable");
        if (table == null) {
            return false;
        }
        return table.lookupAll(".table-row-cell").stream().anyMatch(n -> n instanceof TableRow<?> r
                && r.isVisible() && !r.isEmpty() && r.getItem() != null);
    }
}
