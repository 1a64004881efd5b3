package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.util.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * One run (apply, resume or undo) per database at a time. Two at once would quarantine the same rows twice,
 * share a run folder, or undo under a run's feet. The lock is the operating system's or the database's own, so
 * that a killed process never leaves it held:
 * <ul>
 * <li>a snapshot: a lock on {@code <snapshot>.runs/.lock} (the file says who holds it, for the message);</li>
 * <li>a live MariaDB: the named lock {@code GET_LOCK('tpm-console-run:<database>')}, held by a connection of
 *     its own for the length of the run.</li>
 * </ul>
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock fileLock;
    private final Connection connection;

    private RunLock(FileChannel channel, FileLock fileLock, Connection connection) {
        this.channel = channel;
        this.fileLock = fileLock;
        this.connection = connection;
    }

    /**
     * Takes the lock of {@code source} for {@code what} ("apply", "resume", "undo"), or refuses in one line
     * saying who holds it.
     */
    public static RunLock acquire(Source source, String what, Clock clock) throws RefusedException, IOException, SQLException {
        if (source.snapshotFile().isPresent()) {
            Path snapshot = source.snapshotFile().get().toAbsolutePath();
            Path dir = PrivateFiles.createFolders(Runs.runsFolder(snapshot));
            Path file = dir.resolve(".lock");
            FileChannel ch = PrivateFiles.openForWriting(file, java.nio.file.StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            if (lock == null) {
                String holder = read(ch);
                ch.close();
                throw new RefusedException(holder.isBlank() ? Message.of("run.lock.snapshot", snapshot)
                        : Message.of("run.lock.snapshotHolder", snapshot, holder));
            }
            try {
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((what + " by process " + ProcessHandle.current().pid() + " since "
                        + clock.instant() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            } catch (IOException fullDisk) {
                // who holds the lock is for the message of the next run only; the lock holds without it
            }
            return new RunLock(ch, lock, null);
        }
        if (source.kind() == DatabaseKind.MARIADB) {
            Connection c = source.connection();
            try {
                String name = "tpm-console-run:" + c.getCatalog();
                try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0), IS_USED_LOCK(?)")) {
                    ps.setString(1, name.length() > 64 ? name.substring(0, 64) : name);
                    ps.setString(2, name.length() > 64 ? name.substring(0, 64) : name);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) != 1) {
                            throw new RefusedException(Message.of("run.lock.mariadb", source.displayName(),
                                    rs.getLong(2), name));
                        }
                    }
                }
                return new RunLock(null, null, c);
            } catch (RefusedException | SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return new RunLock(null, null, null);
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512);
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() {
        try {
            if (fileLock != null) {
                channel.truncate(0);
                fileLock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the channel, and with the process at the latest
        }
        if (connection != null) {
            try {
                connection.close(); // MariaDB releases a named lock with the connection that holds it
            } catch (SQLException ignored) {
                // the server releases it when the session ends
            }
        }
    }
}
