package dev.tpmconsole.model.dump;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.source.SourceException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A dump file opened for reading: plain SQL or gzip-compressed (recognised by its bytes, not its name),
 * with a count of the file's bytes read so far for the progress bar. Files that are something else (an SQLite
 * database, a zip or tar archive, another compression) are refused with a message saying what they are.
 */
final class DumpInput implements AutoCloseable {

    private final Counting file;
    private final InputStream stream;
    private final long size;
    private final boolean gzip;

    private DumpInput(Counting file, InputStream stream, long size, boolean gzip) {
        this.file = file;
        this.stream = stream;
        this.size = size;
        this.gzip = gzip;
    }

    static DumpInput open(Path path) throws SourceException {
        if (!Files.exists(path)) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, Message.of("source.noSuchFile", path));
        }
        if (Files.isDirectory(path)) {
            throw new SourceException(SourceException.Reason.NOT_A_FILE, Message.of("dump.directory", path));
        }
        if (!Files.isReadable(path)) {
            throw new SourceException(SourceException.Reason.UNREADABLE, Message.of("source.permissionDenied", path));
        }
        // the file is opened once and its first bytes are looked at through the buffer, so that a named pipe
        // or /dev/stdin (read once) imports too
        Counting file = null;
        try {
            file = new Counting(new FileInputStream(path.toFile()));
            long size = Files.size(path);
            BufferedInputStream raw = new BufferedInputStream(file, 1 << 16);
            raw.mark(16);
            byte[] head = raw.readNBytes(16);
            raw.reset();
            int n = head.length;
            if (n == 0) {
                throw new SourceException(SourceException.Reason.UNSUPPORTED, Message.of("dump.empty", path));
            }
            Message refused = refusal(head, n);
            if (refused != null) {
                throw new SourceException(SourceException.Reason.UNSUPPORTED, Message.of("dump.withPath", path,
                        refused));
            }
            boolean gzip = n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            InputStream stream = raw;
            if (gzip) {
                stream = new GZIPInputStream(raw, 1 << 16);
            }
            BufferedInputStream peek = new BufferedInputStream(stream, 1 << 16);
            peek.mark(512);
            byte[] inner = peek.readNBytes(512);
            peek.reset();
            if (gzip) {
                if (inner.length == 0) {
                    throw new SourceException(SourceException.Reason.UNSUPPORTED, Message.of("dump.emptyGzip", path));
                }
                Message insideRefused = refusal(inner, inner.length);
                if (insideRefused != null) {
                    throw new SourceException(SourceException.Reason.UNSUPPORTED, Message.of("dump.gzipHolds", path,
                            insideRefused));
                }
            }
            if (inner.length >= 262 && new String(inner, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
                throw new SourceException(SourceException.Reason.UNSUPPORTED, Message.of("dump.tar", path));
            }
            return new DumpInput(file, peek, size, gzip);
        } catch (EOFException e) {
            close(file);
            throw new SourceException(SourceException.Reason.TRUNCATED, Message.of("dump.gzipEndsEarly", path), e);
        } catch (ZipException e) {
            close(file);
            throw new SourceException(SourceException.Reason.CORRUPT, Message.of("dump.gzipDamaged", path,
                    e.getMessage()), e);
        } catch (IOException e) {
            close(file);
            throw new SourceException(SourceException.Reason.UNREADABLE, Message.of("source.cannotRead", path,
                    e.getMessage()), e);
        } catch (SourceException e) {
            close(file);
            throw e;
        }
    }

    /** What the first bytes say the file is when it cannot be a dump, as a predicate ("is ..."), or null. */
    private static Message refusal(byte[] h, int n) {
        if (startsWith(h, n, "SQLite format 3\0".getBytes(StandardCharsets.ISO_8859_1))) {
            return Message.of("dump.isSqlite");
        }
        if (startsWith(h, n, new byte[] {'P', 'K', 3, 4})) {
            return Message.of("dump.isZip");
        }
        if (startsWith(h, n, new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0})) {
            return Message.of("dump.isXz");
        }
        if (startsWith(h, n, new byte[] {'B', 'Z', 'h'})) {
            return Message.of("dump.isBzip2");
        }
        if (startsWith(h, n, new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd})) {
            return Message.of("dump.isZstd");
        }
        if (startsWith(h, n, new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c})) {
            return Message.of("dump.is7z");
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int n, byte[] prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /** The dump's SQL (decompressed when it is gzip'd). */
    InputStream stream() {
        return stream;
    }

    /** Bytes of the file read so far (compressed bytes for a gzip'd dump). */
    long bytesRead() {
        return file.count;
    }

    long size() {
        return size;
    }

    boolean gzip() {
        return gzip;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    /** Counts the bytes read from the file. Reads from a FileInputStream, which an interrupt does not close. */
    private static final class Counting extends FilterInputStream {
        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
