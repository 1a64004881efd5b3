package dev.tpmconsole.model.dump;

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
            throw new SourceException(SourceException.Reason.NOT_FOUND, "No such file: " + path);
        }
        if (Files.isDirectory(path)) {
            throw new SourceException(SourceException.Reason.NOT_A_FILE, path + " is a directory, not a dump file");
        }
        if (!Files.isReadable(path)) {
            throw new SourceException(SourceException.Reason.UNREADABLE, "Cannot read " + path + ": permission denied");
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
                throw new SourceException(SourceException.Reason.UNSUPPORTED, path + " is not a mysqldump: the file is empty");
            }
            String refused = refusal(head, n);
            if (refused != null) {
                throw new SourceException(SourceException.Reason.UNSUPPORTED, path + " " + refused);
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
                    throw new SourceException(SourceException.Reason.UNSUPPORTED,
                            path + " is not a mysqldump: the gzip file holds nothing");
                }
                String insideRefused = refusal(inner, inner.length);
                if (insideRefused != null) {
                    throw new SourceException(SourceException.Reason.UNSUPPORTED, path + " holds gzip-compressed data that "
                            + insideRefused);
                }
            }
            if (inner.length >= 262 && new String(inner, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
                throw new SourceException(SourceException.Reason.UNSUPPORTED, path + " is a tar archive: extract the"
                        + " .sql file from it and import that");
            }
            return new DumpInput(file, peek, size, gzip);
        } catch (EOFException e) {
            close(file);
            throw new SourceException(SourceException.Reason.TRUNCATED, path + " is cut off: the gzip data ends early", e);
        } catch (ZipException e) {
            close(file);
            throw new SourceException(SourceException.Reason.CORRUPT, path + " is damaged: gzip reports \""
                    + e.getMessage() + "\"", e);
        } catch (IOException e) {
            close(file);
            throw new SourceException(SourceException.Reason.UNREADABLE, "Cannot read " + path + ": " + e.getMessage(), e);
        } catch (SourceException e) {
            close(file);
            throw e;
        }
    }

    /** What the first bytes say the file is when it cannot be a dump, as a predicate ("is ..."), or null. */
    private static String refusal(byte[] h, int n) {
        if (startsWith(h, n, "SQLite format 3\0".getBytes(StandardCharsets.ISO_8859_1))) {
            return "is an SQLite database, not a dump: open it as a snapshot";
        }
        if (startsWith(h, n, new byte[] {'P', 'K', 3, 4})) {
            return "is a zip archive: extract the .sql file from it and import that";
        }
        if (startsWith(h, n, new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0})) {
            return "is compressed with xz: only plain and gzip-compressed dumps are read (xz -d it, or gzip it)";
        }
        if (startsWith(h, n, new byte[] {'B', 'Z', 'h'})) {
            return "is compressed with bzip2: only plain and gzip-compressed dumps are read (bunzip2 it first)";
        }
        if (startsWith(h, n, new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd})) {
            return "is compressed with zstd: only plain and gzip-compressed dumps are read (zstd -d it first)";
        }
        if (startsWith(h, n, new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c})) {
            return "is a 7-Zip archive: extract the .sql file from it and import that";
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
