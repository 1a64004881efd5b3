package dev.tpmconsole.model.hosts;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.ssh.RemoteEntry;
import dev.tpmconsole.model.ssh.RemoteFiles;
import dev.tpmconsole.model.ssh.SshFailure;
import dev.tpmconsole.model.util.Labelled;
import dev.tpmconsole.model.util.Texts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's trash on a KVM host (docs/hosts.md, "Cleaning"): TPM state folders are not deleted but moved,
 * with one SFTP rename on the same file system, into {@code /var/lib/libvirt/swtpm/.tpm-console-trash/<run id>/},
 * from where {@code undo} moves them back and {@code hosts purge-trash} deletes them for good once old enough.
 *
 * <p>Nothing here follows a symbolic link: every path is checked with lstat and its realpath before it is
 * touched, on the host, so that a link planted at a state path (or on the way to the trash) is refused.
 */
public final class HostTrash {

    /** Where the trash of TPM state folders is. */
    public static final String STATE_TRASH = HostPaths.SWTPM + HostPaths.TRASH;
    /** Where the trash of NvRam files is (no plan moves one today; purge empties it too). */
    public static final String NVRAM_TRASH = HostPaths.NVRAM + HostPaths.TRASH;

    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private HostTrash() {
    }

    /** What moving one state folder did. */
    public enum Outcome implements Labelled {
        /** It was moved into the trash now. */
        MOVED("moved"),
        /** It was in the trash already: an interrupted run moved it before its journal said so. */
        MOVED_BEFORE("moved before"),
        /** Nothing was at the path: gone already (a delete is idempotent). */
        ALREADY_GONE("already gone");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        public static Outcome of(String label) {
            return Labelled.byLabel(Outcome.class, label, "outcome");
        }
    }

    /** A refusal or failure of host work, with the reason a person acts on. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Where a state folder goes in the trash of run {@code runId}. */
    public static String trashPath(String statePath, String runId) {
        return STATE_TRASH + "/" + runId + "/" + HostPaths.folderName(statePath);
    }

    /** Whether a name is one of the console's run ids (the UTC time a run began, and a suffix). */
    public static boolean isRunId(String name) {
        return Runs.isRunId(name);
    }

    /** When a run began, from its id; empty for a name that is not one. */
    public static Optional<Instant> runStart(String runId) {
        if (!isRunId(runId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(RUN_STAMP.parse(runId.substring(0, 16))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Moves the TPM state folder {@code path} of VM {@code vmUuid} into the trash of run {@code runId}: checks the
     * path rules on its text and on the host (a real folder, not a link, its realpath itself), makes the trash
     * folders (0700) when missing, renames, then checks that the path is gone and the trash holds the folder. A
     * path with nothing at it is already gone; one whose folder is in this run's trash already was moved before.
     */
    public static Outcome move(RemoteFiles files, String path, String vmUuid, String runId) throws Refused, SshFailure {
        return move(files, path, vmUuid, runId, new java.util.HashSet<>());
    }

    /**
     * {@link #move}, remembering in {@code checkedFolders} the trash folders found sound on this host, so that the
     * moves of one host check them once.
     */
    public static Outcome move(RemoteFiles files, String path, String vmUuid, String runId,
                               java.util.Set<String> checkedFolders) throws Refused, SshFailure {
        Message why = HostPaths.stateFolderRefusal(path, vmUuid);
        if (why != null) {
            throw new Refused(Texts.escaped(path) + ": " + why.english());
        }
        if (!isRunId(runId)) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        String folder = strip(path);
        String trash = trashPath(path, runId);
        Optional<RemoteEntry> at = files.lstat(folder);
        if (at.isEmpty()) {
            return files.lstat(trash).isPresent() ? Outcome.MOVED_BEFORE : Outcome.ALREADY_GONE;
        }
        Message refusal = folderRefusal(files, at.get());
        if (refusal != null) {
            throw new Refused(refusal.english());
        }
        for (String dir : List.of(STATE_TRASH, STATE_TRASH + "/" + runId)) {
            if (!checkedFolders.contains(dir)) {
                ensureFolder(files, dir);
                checkedFolders.add(dir);
            }
        }
        try {
            files.rename(folder, trash); // fails rather than move over something
        } catch (SshFailure e) {
            if (files.lstat(trash).isPresent()) {
                throw new Refused(trash + " exists already in the trash: the folder is not moved over it");
            }
            throw e;
        }
        if (files.lstat(folder).isPresent() || files.lstat(trash).filter(e -> e.kind() == RemoteEntry.Kind.FOLDER)
                .isEmpty()) {
            throw new Refused("the move of " + folder + " to " + trash + " did not take: the host shows "
                    + (files.lstat(folder).isPresent() ? "the folder still in place" : "no folder in the trash"));
        }
        return Outcome.MOVED;
    }

    /**
     * Moves a folder back from the trash to {@code path} (undo). Returns false, changing nothing, when it is back
     * already (the path is a folder and the trash no longer holds it: an undo before put it back). Refused, and
     * nothing moved, when something is at {@code path} again while the trash still holds the folder, or neither
     * holds it.
     */
    public static boolean restore(RemoteFiles files, String path, String trash) throws Refused, SshFailure {
        String folder = strip(path);
        Optional<RemoteEntry> there = files.lstat(folder);
        Optional<RemoteEntry> held = files.lstat(trash);
        if (there.isPresent() && held.isEmpty() && there.get().kind() == RemoteEntry.Kind.FOLDER) {
            return false;
        }
        if (there.isPresent()) {
            throw new Refused(folder + " exists again (a " + there.get().kind().label() + "): not replaced");
        }
        if (held.isEmpty()) {
            throw new Refused(trash + " is no longer in the trash (purged?): nothing to put back");
        }
        Message refusal = folderRefusal(files, held.get());
        if (refusal != null) {
            throw new Refused(refusal.english());
        }
        files.rename(trash, folder);
        if (files.lstat(folder).filter(e -> e.kind() == RemoteEntry.Kind.FOLDER).isEmpty()) {
            throw new Refused("the move of " + trash + " back to " + folder + " did not take");
        }
        return true;
    }

    /** A run's trash on a host: its id, when it began, and its path. */
    public record TrashRun(String runId, String path, Instant started) {
    }

    /** The runs in the trash folders of a host (state and NvRam), oldest first; other entries are not runs. */
    public static List<TrashRun> runs(RemoteFiles files) throws SshFailure, Refused {
        List<TrashRun> out = new ArrayList<>();
        for (String trash : List.of(STATE_TRASH, NVRAM_TRASH)) {
            Optional<RemoteEntry> self = files.lstat(trash);
            if (self.isEmpty()) {
                continue;
            }
            Message refusal = folderRefusal(files, self.get());
            if (refusal != null) {
                throw new Refused(refusal.english());
            }
            for (RemoteEntry e : files.list(trash).orElse(List.of())) {
                Optional<Instant> started = runStart(e.name());
                if (e.kind() == RemoteEntry.Kind.FOLDER && started.isPresent()) {
                    out.add(new TrashRun(e.name(), e.path(), started.get()));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(TrashRun::started).thenComparing(TrashRun::path));
        return out;
    }

    /**
     * Deletes a run's trash for good: every file, link (the link, never its target) and folder under it, then
     * the folder itself. Returns how many entries were deleted.
     */
    public static int purge(RemoteFiles files, TrashRun run) throws SshFailure, Refused {
        Optional<RemoteEntry> self = files.lstat(run.path());
        if (self.isEmpty()) {
            return 0;
        }
        Message refusal = folderRefusal(files, self.get());
        if (refusal != null) {
            throw new Refused(refusal.english());
        }
        return deleteTree(files, self.get());
    }

    private static int deleteTree(RemoteFiles files, RemoteEntry entry) throws SshFailure {
        int n = 0;
        if (entry.kind() == RemoteEntry.Kind.FOLDER) {
            for (RemoteEntry child : files.list(entry.path()).orElse(List.of())) {
                n += deleteTree(files, child);
            }
            files.rmdir(entry.path());
        } else {
            files.remove(entry.path());
        }
        return n + 1;
    }

    /**
     * Why a folder at this entry may not be touched, or null: it must be a folder (not a symbolic link, not a
     * file), and the host's realpath of it must be its own path (no link on the way). The scan checks the folders
     * it lists the same way.
     */
    public static Message folderRefusal(RemoteFiles files, RemoteEntry entry) throws SshFailure {
        if (entry.kind() == RemoteEntry.Kind.SYMLINK) {
            return Message.of("hosts.folder.symlink", entry.path(), Texts.quoted(files.readLink(entry.path())));
        }
        if (entry.kind() != RemoteEntry.Kind.FOLDER) {
            return Message.of("hosts.folder.notFolder", entry.path(), entry.kind());
        }
        String real = files.realpath(entry.path()).orElse(entry.path());
        if (!real.equals(entry.path())) {
            return Message.of("hosts.folder.realpath", entry.path(), Texts.quoted(real));
        }
        return null;
    }

    private static void ensureFolder(RemoteFiles files, String dir) throws SshFailure, Refused {
        Optional<RemoteEntry> self = files.lstat(dir);
        if (self.isEmpty()) {
            files.mkdir(dir, 0700);
            self = files.lstat(dir);
        }
        Message refusal = self.isEmpty() ? Message.of("hosts.trash.notMade", dir) : folderRefusal(files, self.get());
        if (refusal != null) {
            throw new Refused(refusal.english());
        }
    }

    private static String strip(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
