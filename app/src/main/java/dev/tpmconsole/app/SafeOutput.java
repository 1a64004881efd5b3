package dev.tpmconsole.app;

import dev.tpmconsole.model.util.Texts;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What a command prints on stdout and stderr: control characters that came from the database (or a dump, or a
 * file) are shown as <code>&#92;u001b</code>, never acted on by the terminal. Newlines and tabs, which structure the
 * output, pass; so does a CR right before a newline (CSV's line end); a lone CR, which would rewrite the line
 * before it, does not. JSON passes unchanged in meaning: Jackson has escaped C0 controls already, and
 * <code>&#92;u009b</code> is how JSON writes the others anyway. Files written with {@code --out} hold the data as it is.
 *
 * <p>A progress display that draws with control sequences of its own writes them through {@link #raw}.
 */
public final class SafeOutput extends PrintWriter {

    private final PrintWriter raw;

    private SafeOutput(PrintWriter raw) {
        super(new Escaping(raw), true);
        this.raw = raw;
    }

    /** A writer that escapes what passes through it into {@code target}. */
    public static PrintWriter wrap(Writer target) {
        if (target instanceof SafeOutput s) {
            return s;
        }
        return new SafeOutput(target instanceof PrintWriter p ? p : new PrintWriter(target, true));
    }

    /**
     * The writer under {@code w}, for control sequences a progress display writes itself (what it shows in
     * them must go through {@link Texts#escaped}); {@code w} itself when it is not a safe writer.
     */
    public static PrintWriter raw(PrintWriter w) {
        if (w instanceof SafeOutput s) {
            s.flush();
            return s.raw;
        }
        return w;
    }

    private static final class Escaping extends FilterWriter {
        private boolean pendingCr;

        Escaping(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            StringBuilder sb = new StringBuilder(8);
            append(sb, (char) c);
            out.write(sb.toString());
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            write(String.valueOf(cbuf, off, len), 0, len);
        }

        /**
         * Runs of characters that pass as they are go to the writer below whole (a report of a megabyte is almost
         * all of them); only the characters to escape, and a CR, take the slower way.
         */
        @Override
        public void write(String str, int off, int len) throws IOException {
            int end = off + len;
            int run = off;
            for (int i = off; i < end; i++) {
                char c = str.charAt(i);
                if (!pendingCr && passes(c)) {
                    continue;
                }
                if (i > run) {
                    out.write(str, run, i - run);
                }
                StringBuilder sb = new StringBuilder(16);
                append(sb, c);
                out.write(sb.toString());
                run = i + 1;
            }
            if (end > run) {
                out.write(str, run, end - run);
            }
        }

        /** Whether {@code c} passes as it is when no CR is pending: not a CR, and a newline, a tab or no control. */
        private static boolean passes(char c) {
            return c >= 0x20 && c < 0x7f || c != '\r' && (c == '\n' || c == '\t' || !Texts.isControl(c));
        }

        private void append(StringBuilder sb, char c) {
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    sb.append("\r\n");
                    return;
                }
                Texts.appendEscaped(sb, '\r');
            }
            if (c == '\r') {
                pendingCr = true;
            } else if (c == '\n' || c == '\t' || !Texts.isControl(c)) {
                sb.append(c);
            } else {
                Texts.appendEscaped(sb, c);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (pendingCr) {
                pendingCr = false;
                StringBuilder sb = new StringBuilder();
                Texts.appendEscaped(sb, '\r');
                out.write(sb.toString());
            }
            out.close();
        }
    }
}
