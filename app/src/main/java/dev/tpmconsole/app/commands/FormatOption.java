package dev.tpmconsole.app.commands;

import picocli.CommandLine.Option;

/** {@code --format json|text}, as the commands whose report is JSON or text take it. */
final class FormatOption {

    /** The formats. */
    enum Format { json, text }

    @Option(names = "--format", paramLabel = "FORMAT")
    Format format;

    /** Whether the report is JSON: asked for, or by default when stdout is not a terminal. */
    boolean json() {
        return chosen(format, Format.text, Format.json) == Format.json;
    }

    /** The format asked for, else text on a terminal and JSON otherwise. */
    static <F extends Enum<F>> F chosen(F asked, F text, F json) {
        return asked != null ? asked : System.console() != null ? text : json;
    }
}
