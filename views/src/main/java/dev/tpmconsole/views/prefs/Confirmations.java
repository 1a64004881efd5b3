package dev.tpmconsole.views.prefs;

/**
 * Which questions the console asks before it acts. A run on a live database is always confirmed (with the
 * statement that the management nodes are stopped) and cannot be switched off here.
 *
 * @param runOnSnapshot ask before a run or repair changes a snapshot (it is backed up first and can be undone)
 * @param quitWhileBusy ask before quitting while a run, a repair or an import is still going
 * @param hostWorkOverSsh what the last run's confirmation chose for host work: done on the hosts over SSH (true), or
 *                      exported as scripts (false, the default); the next confirmation starts from it
 */
public record Confirmations(Boolean runOnSnapshot, Boolean quitWhileBusy, Boolean hostWorkOverSsh) {

    public Confirmations {
        // missing in an older file: ask, the safe choice; export host work, as before the choice
        runOnSnapshot = runOnSnapshot == null || runOnSnapshot;
        quitWhileBusy = quitWhileBusy == null || quitWhileBusy;
        hostWorkOverSsh = hostWorkOverSsh != null && hostWorkOverSsh;
    }

    public Confirmations(Boolean runOnSnapshot, Boolean quitWhileBusy) {
        this(runOnSnapshot, quitWhileBusy, false);
    }

    public static Confirmations all() {
        return new Confirmations(true, true, false);
    }
}
