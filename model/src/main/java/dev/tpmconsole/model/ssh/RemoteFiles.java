package dev.tpmconsole.model.ssh;

import dev.tpmconsole.model.i18n.Message;
import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Files on one host, over SFTP only (no remote command is ever run, so no path can inject one): lstat,
 * realpath, listing, reading a link, renaming, removing, and making a folder with a mode. Every request has the read
 * time-out; a request that outlives it closes the session and fails as a time-out. A missing path is an empty
 * answer, a refused one a {@link SshFailure} of reason permission.
 */
public final class RemoteFiles implements AutoCloseable {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ssh-read-timeouts");
        t.setDaemon(true);
        return t;
    });

    private final SftpClient sftp;
    private final String host;
    private final Duration timeout;

    RemoteFiles(SftpClient sftp, String host, Duration timeout) {
        this.sftp = sftp;
        this.host = host;
        this.timeout = timeout;
    }

    @FunctionalInterface
    private interface Request<T> {
        T run() throws IOException;
    }

    /** The entry at {@code path} (not following a link), or empty when nothing is there. */
    public Optional<RemoteEntry> lstat(String path) throws SshFailure {
        return call("read", path, () -> {
            try {
                return Optional.of(entry(path, sftp.lstat(path)));
            } catch (SftpException e) {
                if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** The server's realpath of {@code path} (links resolved), or empty when it does not exist. */
    public Optional<String> realpath(String path) throws SshFailure {
        return call("resolve", path, () -> {
            try {
                return Optional.of(sftp.canonicalPath(path));
            } catch (SftpException e) {
                if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** The entries of folder {@code dir} (without . and ..), or empty when there is no such folder. */
    public Optional<List<RemoteEntry>> list(String dir) throws SshFailure {
        String base = dir.endsWith("/") ? dir : dir + "/";
        return call("list", dir, () -> {
            List<RemoteEntry> out = new ArrayList<>();
            try {
                try {
                    for (SftpClient.DirEntry e : sftp.readDir(dir)) {
                        String name = e.getFilename();
                        if (name.equals(".") || name.equals("..")) {
                            continue;
                        }
                        out.add(entry(base + name, e.getAttributes()));
                    }
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause(); // the listing reads lazily, and wraps what the server said
                }
            } catch (SftpException e) {
                if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                    return Optional.empty();
                }
                throw e;
            }
            return Optional.of(out);
        });
    }

    /** Where the symbolic link at {@code path} points (the link is read, never followed). */
    public String readLink(String path) throws SshFailure {
        return call("read the link", path, () -> sftp.readLink(path));
    }

    /** Renames {@code from} to {@code to} (one SFTP rename: atomic on one file system; fails if {@code to} exists). */
    public void rename(String from, String to) throws SshFailure {
        call("rename", from, () -> {
            sftp.rename(from, to);
            return null;
        });
    }

    /** Removes the file (or symbolic link: the link, never what it points to) at {@code path}. */
    public void remove(String path) throws SshFailure {
        call("remove", path, () -> {
            sftp.remove(path);
            return null;
        });
    }

    /** Removes the empty folder {@code path}. */
    public void rmdir(String path) throws SshFailure {
        call("remove the folder", path, () -> {
            sftp.rmdir(path);
            return null;
        });
    }

    /** Makes the folder {@code path} and gives it {@code mode} (e.g. {@code 0700}). */
    public void mkdir(String path, int mode) throws SshFailure {
        call("make", path, () -> {
            sftp.mkdir(path);
            SftpClient.Attributes a = new SftpClient.Attributes();
            a.setPermissions(mode);
            sftp.setStat(path, a);
            return null;
        });
    }

    /** What a call was doing, for a person. */
    private static Message action(String what) {
        return switch (what) {
            case "list" -> Message.of("ssh.files.list");
            case "make" -> Message.of("ssh.files.make");
            case "read" -> Message.of("ssh.files.read");
            case "read the link" -> Message.of("ssh.files.readLink");
            case "remove" -> Message.of("ssh.files.remove");
            case "remove the folder" -> Message.of("ssh.files.removeFolder");
            case "rename" -> Message.of("ssh.files.rename");
            case "resolve" -> Message.of("ssh.files.resolve");
            default -> dev.tpmconsole.model.i18n.LocalizedException.verbatim(what);
        };
    }

    private <T> T call(String what, String path, Request<T> request) throws SshFailure {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            try {
                sftp.getClientSession().close(true);
            } catch (RuntimeException ignored) {
                // closing is all that can be done
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return request.run();
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_PERMISSION_DENIED) {
                throw new SshFailure(SshFailure.Reason.PERMISSION, Message.of("ssh.files.denied", action(what), path,
                        host));
            }
            throw new SshFailure(SshFailure.Reason.PROTOCOL, Message.of("ssh.files.failed", action(what), path, host,
                    SftpConstants.getStatusName(e.getStatus()) + (e.getMessage() == null ? ""
                    : " (" + e.getMessage() + ")")), null, e);
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new SshFailure(SshFailure.Reason.TIMEOUT, Message.of("ssh.files.timeout", host,
                        timeout.toSeconds(), action(what), path), null, e);
            }
            throw new SshFailure(SshFailure.Reason.NETWORK, Message.of("ssh.files.lost", host,
                    action(what), path, e.getMessage()), null, e);
        } finally {
            alarm.cancel(false);
        }
    }

    private static RemoteEntry entry(String path, SftpClient.Attributes a) {
        String name = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        name = name.substring(name.lastIndexOf('/') + 1);
        RemoteEntry.Kind kind = a.isSymbolicLink() ? RemoteEntry.Kind.SYMLINK : a.isDirectory() ? RemoteEntry.Kind.FOLDER
                : a.isRegularFile() ? RemoteEntry.Kind.FILE : RemoteEntry.Kind.OTHER;
        FileTime m = a.getModifyTime();
        Instant mtime = m == null ? null : m.toInstant();
        int perms = a.getPermissions();
        return new RemoteEntry(name, path, kind, a.getSize(), mtime, perms == 0 ? -1 : perms & 07777);
    }

    @Override
    public void close() {
        try {
            sftp.close();
        } catch (IOException ignored) {
            // the session closes it anyway
        }
    }
}
