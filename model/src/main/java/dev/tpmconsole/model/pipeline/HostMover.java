package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.plan.Plan;

/**
 * Host work done for real (docs/hosts.md, "Cleaning"): each entry's TPM state folder moved into the run's trash
 * on its host. The pipeline calls {@link #move} for the entries of one host in their order, from one thread, and
 * for different hosts at once. A move is idempotent within a run: an entry moved before an interruption is found
 * in the trash, not moved twice.
 */
public interface HostMover extends AutoCloseable {

    /** What a move did: its outcome (moved, moved before, already gone) and where the folder is now. */
    record Moved(String outcome, String trashPath) {
    }

    /** Moves one entry; throws, with the reason a person acts on, when it is refused or fails. */
    Moved move(Plan.HostWork entry) throws Exception;

    /**
     * Puts one moved folder back (undo); false when it is back already. Throws when the path exists again or the
     * trash lost it.
     */
    boolean restore(String hostUuid, String managementIp, String path, String trashPath) throws Exception;

    /** How many hosts are worked on at once. */
    int parallelism();

    @Override
    void close();
}
