package dev.tpmconsole.model.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Files and folders that hold a database's contents (snapshots, backups, journals, quarantine bundles with
 * wrapped keys, host scripts, exports): files 0600, folders 0700, whatever the umask. A mode is given when the
 * file or folder is made, and set again after, since the umask can only take bits away and a folder made by
 * {@code createDirectories} gets the umask's mode.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** The attribute that makes a new file owner-only (none where the file system has no POSIX modes). */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /**
     * Creates {@code folder} and its missing parents, each new one 0700; existing ones are left as they are, and so are
     * those another process makes meanwhile.
     */
    public static Path createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                createFolder(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile by another process (two runs started together make the same runs folder): there, as
                // asked; a file of that name is not
                if (!Files.isDirectory(p)) {
                    throw e;
                }
            }
        }
        return absolute;
    }

    /** Creates one folder, 0700; fails when it exists (so that a caller can reserve a name with it). */
    public static Path createFolder(Path folder) throws IOException {
        if (POSIX) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
            Files.setPosixFilePermissions(folder, FOLDER);
        } else {
            Files.createDirectory(folder);
        }
        return folder;
    }

    /** Creates an empty file, 0600; fails when it exists. */
    public static Path createFile(Path file) throws IOException {
        Files.createFile(file, fileAttributes());
        restrict(file);
        return file;
    }

    /** Opens a file for writing, creating it 0600 when missing. */
    public static FileChannel openForWriting(Path file, OpenOption... more) throws IOException {
        Set<OpenOption> options = new java.util.HashSet<>(List.of(more));
        options.add(StandardOpenOption.CREATE);
        options.add(StandardOpenOption.WRITE);
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        FileChannel ch = FileChannel.open(file, options, fileAttributes());
        if (!existed) {
            restrict(file);
        }
        return ch;
    }

    /** Makes an existing file owner-only. */
    public static void restrict(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE);
        }
    }
}
