package dev.tpmconsole.model.source;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.util.Backoff;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks a file before SQLite is let near it, so that a bad file gets a precise message: missing,
 * a directory, unreadable, empty, not SQLite (and what it looks like instead), cut off, or in the middle
 * of another program's write. Only reads the file.
 */
public final class SqliteFileCheck {

    static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** SQLite's lock bytes (os_unix.c): PENDING_BYTE and RESERVED_BYTE = PENDING_BYTE + 1. */
    private static final long PENDING_BYTE = 0x40000000L;

    private SqliteFileCheck() {
    }

    /**
     * Checks {@code path} before SQLite opens it. Another program's write (its lock, or its journal) is waited for
     * as SQLite's busy timeout waits for a lock: a run beside this open writes in short transactions, and an open
     * that happens to look in the middle of one must not be refused for it. A write still there after
     * {@link SqliteSnapshot#BUSY_TIMEOUT_MS}, or a journal that a crashed writer left, is refused with its message.
     */
    static void check(Path path, boolean writable) throws SourceException {
        checkStructure(path);
        Path journal = path.resolveSibling(path.getFileName() + "-journal");
        Backoff backoff = new Backoff(SqliteSnapshot.BUSY_TIMEOUT_MS);
        while (true) {
            SourceException refusal = writeUnderWay(path, journal, writable);
            if (refusal == null) {
                return;
            }
            try {
                if (!backoff.pause()) {
                    throw refusal;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw refusal;
            }
        }
    }

    /** Why {@code path} cannot be opened now for another program's write, or null when it can. */
    private static SourceException writeUnderWay(Path path, Path journal, boolean writable) throws SourceException {
        try {
            if (unfinished(journal) && (!writable || lockedByWriter(path))) {
                // Opened for changes with no writer left, SQLite rolls the crashed write back itself.
                return new SourceException(SourceException.Reason.LOCKED, Message.of("source.sqlite.journal", path,
                        journal.getFileName()));
            }
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.UNREADABLE, Message.of("source.cannotRead", journal,
                    e.getMessage()), e);
        }
        if (lockedByWriter(path)) {
            return new SourceException(SourceException.Reason.LOCKED, Message.of("source.sqlite.locked", path));
        }
        return null;
    }

    /**
     * Whether a rollback journal holds a write that did not end, as SQLite tells (pager.c, hasHotJournal): it is
     * there, not empty, and its first byte is not zero. A journal kept between transactions (journal_mode PERSIST,
     * as a run's connections keep it) has its header zeroed at each commit: nothing to roll back.
     */
    static boolean unfinished(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(journal)) {
            int first = in.read();
            return first > 0;
        } catch (java.nio.file.NoSuchFileException gone) {
            return false; // its transaction ended meanwhile
        }
    }

    /**
     * Checks that {@code path} is a whole SQLite file as far as its header tells (exists, readable, not empty, the
     * SQLite header, a possible page size, not cut off), reading only; the message says what is wrong.
     */
    public static void checkStructure(Path path) throws SourceException {
        if (!Files.exists(path)) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, Message.of("source.noSuchFile", path));
        }
        if (Files.isDirectory(path)) {
            throw new SourceException(SourceException.Reason.NOT_A_FILE,
                    Message.of("source.sqlite.directory", path));
        }
        if (!Files.isReadable(path)) {
            throw new SourceException(SourceException.Reason.UNREADABLE, Message.of("source.permissionDenied", path));
        }
        long size;
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            size = Files.size(path);
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.UNREADABLE, Message.of("source.cannotRead", path,
                    e.getMessage()), e);
        }
        if (size == 0) {
            throw new SourceException(SourceException.Reason.NOT_SQLITE,
                    Message.of("source.sqlite.empty", path));
        }
        if (read < MAGIC.length || !startsWith(header, MAGIC)) {
            throw new SourceException(SourceException.Reason.NOT_SQLITE,
                    Message.of("source.sqlite.notSqlite", path, whatItLooksLike(header, read)));
        }
        if (read < 100) {
            throw new SourceException(SourceException.Reason.TRUNCATED,
                    Message.of("source.sqlite.noHeader", path, size));
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        int rawPageSize = Short.toUnsignedInt(h.getShort(16));
        long pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        if (pageSize < 512 || pageSize > 65536 || Long.bitCount(pageSize) != 1) {
            throw new SourceException(SourceException.Reason.CORRUPT,
                    Message.of("source.sqlite.pageSize", path, rawPageSize));
        }
        long changeCounter = Integer.toUnsignedLong(h.getInt(24));
        long pageCount = Integer.toUnsignedLong(h.getInt(28));
        long validFor = Integer.toUnsignedLong(h.getInt(92));
        if (validFor == changeCounter && pageCount > 0 && pageCount * pageSize > size) {
            throw new SourceException(SourceException.Reason.TRUNCATED, Message.of("source.sqlite.cutOff",
                    path, pageCount, pageSize, pageCount * pageSize, size));
        }
        if (size % pageSize != 0) {
            throw new SourceException(SourceException.Reason.TRUNCATED, Message.of("source.sqlite.partPage",
                    path, size, pageSize));
        }
    }

    /**
     * Whether another process holds SQLite's RESERVED or PENDING lock, i.e. is writing. Probes with a shared
     * POSIX lock on those bytes, which conflicts only with a writer's exclusive lock and changes nothing.
     */
    static boolean lockedByWriter(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            FileLock lock = ch.tryLock(PENDING_BYTE, 2, true);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Message whatItLooksLike(byte[] header, int read) {
        if (read >= 2 && (header[0] & 0xff) == 0x1f && (header[1] & 0xff) == 0x8b) {
            return Message.of("source.sqlite.gzip");
        }
        String text = new String(header, 0, read, StandardCharsets.ISO_8859_1);
        if (text.startsWith("-- MySQL dump") || text.startsWith("-- MariaDB dump") || text.startsWith("/*!")
                || text.regionMatches(true, 0, "CREATE ", 0, 7) || text.regionMatches(true, 0, "INSERT ", 0, 7)) {
            return Message.of("source.sqlite.sqlText");
        }
        if (text.startsWith("PK")) {
            return Message.of("source.sqlite.zip");
        }
        return Message.of("source.sqlite.noMagic");
    }
}
