package dev.tpmconsole.model.ssh;

/**
 * A known race in MINA SSHD (apache/mina-sshd#409, open): when a client stops, a read that completes on one of the
 * JDK's asynchronous-channel threads after MINA's executor was shut down throws "Executor has been shut down" on that
 * thread, where nothing catches it. The session is closed by then and nothing is lost, but the error would reach the
 * process's handler of uncaught errors: the console's error dialog, a stack trace on a command's standard error, or a
 * test's failure. {@link #filter} puts a handler in front of the process's own that drops exactly that error and
 * passes every other on.
 */
final class ShutdownRace {

    private static final String MESSAGE = "Executor has been shut down";
    private static final String EXECUTOR = "org.apache.sshd.common.util.threads.NoCloseExecutor";

    private ShutdownRace() {
    }

    /** Whether {@code error} is that race: MINA's executor refusing a task after it was shut down. */
    static boolean is(Throwable error) {
        if (!(error instanceof IllegalStateException) || !MESSAGE.equals(error.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : error.getStackTrace()) {
            if (EXECUTOR.equals(frame.getClassName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts the filter in front of the process's default handler of uncaught errors, unless it is there already (a
     * window that installs its own handler later replaces it; the next SSH client puts it back in front of that one).
     */
    static synchronized void filter() {
        Thread.UncaughtExceptionHandler current = Thread.getDefaultUncaughtExceptionHandler();
        if (!(current instanceof Filter)) {
            Thread.setDefaultUncaughtExceptionHandler(new Filter(current));
        }
    }

    /** Drops the race; hands every other error to {@code next}, or prints it as the JVM would without a handler. */
    record Filter(Thread.UncaughtExceptionHandler next) implements Thread.UncaughtExceptionHandler {

        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            if (is(error)) {
                return;
            }
            if (next != null) {
                next.uncaughtException(thread, error);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace(System.err);
            }
        }
    }
}
