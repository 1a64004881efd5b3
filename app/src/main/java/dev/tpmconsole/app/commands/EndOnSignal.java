package dev.tpmconsole.app.commands;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import dev.tpmconsole.model.i18n.Messages;
import sun.misc.Signal;

/**
 * How the window ends when the process is asked to end (SIGTERM from a service manager or {@code kill}, SIGINT from
 * the terminal it was started in, SIGHUP when that terminal closes): as File > Quit does once confirmed, on the FX
 * thread, so that the preferences are saved, the sources closed and JavaFX's toolkit ended before the process is.
 *
 * <p>Without it the JVM's own handling runs the shutdown hooks at once, and JavaFX's hook stops its renderer while
 * a pulse may still be submitting work to it: JavaFX then prints a {@code RejectedExecutionException} from
 * {@code QuantumRenderer} on the way out, and the window's state is not saved.
 *
 * <p>A signal must still end the process: if the window cannot be asked (JavaFX not started yet) the process ends at
 * once, if it has not ended within {@code grace} it is ended then, and a second signal ends it at once. The exit
 * status is the shell's for a signal, 128 plus its number.
 */
final class EndOnSignal {

    static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");

    private final AtomicReference<Integer> received = new AtomicReference<>();
    private final Consumer<String> end;
    private final Duration grace;

    private EndOnSignal(Consumer<String> end, Duration grace) {
        this.end = end;
        this.grace = grace;
    }

    /**
     * Handles {@link #SIGNALS} from now on: the first one received calls {@code end} with the event log's line about it
     * on the signal's own thread; {@code end} asks the window to end and returns, or throws when it cannot.
     */
    static EndOnSignal install(Consumer<String> end, Duration grace) {
        EndOnSignal handler = new EndOnSignal(end, grace);
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), handler::handle);
            } catch (IllegalArgumentException e) {
                // the JVM keeps this one (-Xrs, or a debugger's): its default handling stays
            }
        }
        return handler;
    }

    private void handle(Signal signal) {
        end(Messages.text("cli.event.signalled", "SIG" + signal.getName()), 128 + signal.getNumber());
    }

    /**
     * Ends the window as SIGTERM does when the process {@code parent} ends (now, if this process's parent is no longer
     * it): the process that started this one and waits for it ({@code java -jar}'s, decision 0029), killed outright,
     * would otherwise leave the window behind it. The parent is this process's own, not any process of that id, which
     * the system may have given to another since.
     */
    void endWith(long parent) {
        dev.tpmconsole.app.Relaunch.whenParentEnds(parent,
                () -> end(Messages.text("cli.event.parentEnded", String.valueOf(parent)), 143));
    }

    private void end(String reason, int status) {
        if (!received.compareAndSet(null, status)) {
            Runtime.getRuntime().exit(status); // asked again: now
            return;
        }
        try {
            end.accept(reason);
        } catch (RuntimeException e) {
            Runtime.getRuntime().exit(status);
            return;
        }
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(grace.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().exit(status);
        }, "end-on-signal-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }

    /** {@code normal}, or the shell's status for the signal that ended the window (143 for SIGTERM). */
    int exitStatus(int normal) {
        Integer status = received.get();
        return status == null ? normal : status;
    }
}
