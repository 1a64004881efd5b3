package dev.tpmconsole.model.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real small file system (tmpfs of a given size, mounted by root) for the full-disk cases: writes there fail
 * with "No space left on device" once it is full, as on a full disk. Skipped with a message where it cannot be
 * mounted (not root), failing instead under {@code CI=true}. {@link #grow} makes room again; {@link #close}
 * unmounts it.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code bytes} at {@code mountPoint} (created when missing). */
    public static SmallDisk mount(Path mountPoint, long bytes) throws Exception {
        Files.createDirectories(mountPoint);
        String error = run("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0700", "tmpfs", mountPoint.toString());
        if (error != null) {
            Requirements.unavailable("cannot mount a small file system at " + mountPoint + " (" + error
                    + "): the tests must run as root");
        }
        return new SmallDisk(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    /** Gives the file system {@code bytes} in all (the person freed some space). */
    public void grow(long bytes) throws Exception {
        String error = run("mount", "-o", "remount,size=" + bytes, mountPoint.toString());
        if (error != null) {
            throw new IOException("cannot grow " + mountPoint + ": " + error);
        }
    }

    /** Fills the free space but {@code leave} bytes with a file of its own. */
    public void fill(long leave) throws IOException {
        long free = Files.getFileStore(mountPoint).getUsableSpace();
        long size = Math.max(0, free - leave);
        byte[] block = new byte[1 << 16];
        try (var out = Files.newOutputStream(mountPoint.resolve(".filler"))) {
            for (long done = 0; done < size; done += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - done));
            }
        }
    }

    /** Removes what {@link #fill} wrote. */
    public void unfill() throws IOException {
        Files.deleteIfExists(mountPoint.resolve(".filler"));
    }

    @Override
    public void close() throws Exception {
        String error = run("umount", "-l", mountPoint.toString());
        if (error != null) {
            throw new IOException("cannot unmount " + mountPoint + ": " + error);
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        return p.exitValue() == 0 ? null : out.isEmpty() ? "exit " + p.exitValue() : out;
    }
}
