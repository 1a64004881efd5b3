package dev.tpmconsole.views.main;

/** One row of the row-count table of the main window. */
public record TableCountRow(String table, long rows) {
}
