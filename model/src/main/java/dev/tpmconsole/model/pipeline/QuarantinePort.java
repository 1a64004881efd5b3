package dev.tpmconsole.model.pipeline;

import java.io.IOException;
import java.util.List;

/** Where deleted rows go before they are deleted, so that {@code undo} can put them back. */
public interface QuarantinePort {

    /**
     * Writes the rows durably and reads them back; throws unless what was read equals what was written. The
     * item's delete runs only after this returned.
     */
    void put(List<QuarantinedRow> rows) throws IOException;

    /** Every row quarantined so far, in the order written. */
    List<QuarantinedRow> readAll() throws IOException;
}
