package dev.tpmconsole.views.prefs;

/**
 * Which questions the console asks before it acts. A run on a live database is always confirmed (with the
 * statement that the management nodes are stopped) and cannot be switched off here.
 *
 * @param runOnSnapshot ask before a run or repair changes a snapshot (it is backed up first and can be undone)
 * @param quitWhileBusy ask before quitting while a run, a repair or an import is still going
 */
public record Confirmations(Boolean runOnSnapshot, Boolean quitWhileBusy) {

    public Confirmations {
        // missing in an older file: ask, the safe choice
        runOnSnapshot = runOnSnapshot == null || runOnSnapshot;
        quitWhileBusy = quitWhileBusy == null || quitWhileBusy;
    }

    public static Confirmations all() {
        return new Confirmations(true, true);
    }
}
