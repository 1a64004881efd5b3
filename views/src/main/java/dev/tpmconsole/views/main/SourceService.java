package dev.tpmconsole.views.main;

import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import java.nio.file.Path;

/** What the main window needs from the model to open things; the app wires the real implementation. */
public interface SourceService {

    /** Opens a snapshot read-only. */
    Source open(Path snapshot) throws SourceException;

    /** The built-in demo snapshot, generated on first use. */
    Path demoSnapshot() throws Exception;
}
