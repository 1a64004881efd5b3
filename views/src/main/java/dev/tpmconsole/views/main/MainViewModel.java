package dev.tpmconsole.views.main;

import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.source.JdbcUrls;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.stats.SourceSummary;
import dev.tpmconsole.views.importdump.ImportViewModel;
import dev.tpmconsole.views.prefs.RecentDatabase;
import dev.tpmconsole.views.util.FxSchedulers;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.views.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the main window: the open source (a snapshot, or a live database opened read-only) and its
 * summary, whether something is loading, the last error, the recent snapshots and databases (a database is
 * remembered by its URL without password and its user: a password is never kept), and the import of a dump.
 * Opening runs in the background; results arrive on the FX scheduler. The previous source is closed only
 * when the new one opened, so a bad file or a refused login leaves the window as it was.
 */
public final class MainViewModel implements AutoCloseable {

    /** How many recent snapshots File > Open recent lists. */
    public static final int MAX_RECENT = 8;

    private final SourceService service;
    private final FxSchedulers schedulers;

    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<SourceSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Message> busyMessage = new ReadOnlyObjectWrapper<>(this, "busyMessage");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Message> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final StringBinding noticeText = I18n.text(notice);
    private final ObservableList<TableCountRow> counts = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<TableCountRow> countsReadOnly = FXCollections.unmodifiableObservableList(counts);
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<Path> recentReadOnly = FXCollections.unmodifiableObservableList(recent);
    private final ObservableList<RecentDatabase> recentDatabases = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<RecentDatabase> recentDatabasesReadOnly =
            FXCollections.unmodifiableObservableList(recentDatabases);
    private ImportViewModel importer;
    private final ReadOnlyBooleanWrapper changedByRun = new ReadOnlyBooleanWrapper(this, "changedByRun");
    private final ObjectBinding<Mode> modeValue;
    private final StringBinding mode;
    private final StringBinding title;
    private final BooleanBinding hasError;
    /** The open under way. */
    private Disposable pending = Disposable.disposed();
    /**
     * The open source's row counts: apart from {@link #pending}, so that counts that start once the source's first rows
     * are shown never cancel an open asked for meanwhile (its result, an error most of all, would never come).
     */
    private Disposable counting = Disposable.disposed();
    /** The head start of the open under way, with what its success remembers; null when none is waiting. */
    private HeadStart headStart;

    private record HeadStart(java.util.concurrent.CompletableFuture<Source> opening, Runnable remember) {
    }

    public MainViewModel(SourceService service, FxSchedulers schedulers) {
        this(service, schedulers, List.of());
    }

    /**
     * @param recentSnapshots the snapshots opened before, newest first (from the preferences)
     */
    public MainViewModel(SourceService service, FxSchedulers schedulers, List<Path> recentSnapshots) {
        this(service, schedulers, recentSnapshots, List.of());
    }

    /**
     * @param recentSnapshots the snapshots opened before, newest first (from the preferences)
     * @param recentDbs       the live databases opened before, newest first (from the preferences)
     */
    public MainViewModel(SourceService service, FxSchedulers schedulers, List<Path> recentSnapshots,
                         List<RecentDatabase> recentDbs) {
        this.service = Objects.requireNonNull(service);
        recent.setAll(recentSnapshots.subList(0, Math.min(recentSnapshots.size(), MAX_RECENT)));
        recentDatabases.setAll(recentDbs.subList(0, Math.min(recentDbs.size(), MAX_RECENT)));
        this.schedulers = Objects.requireNonNull(schedulers);
        this.modeValue = Bindings.createObjectBinding(() -> {
            SourceSummary s = summary.get();
            return s == null ? null : changedByRun.get() ? Mode.CHANGED : s.writable() ? Mode.WRITABLE : Mode.READ_ONLY;
        }, summary, changedByRun);
        this.mode = I18n.computed(() -> modeValue.get() == null ? "" : I18n.t(modeValue.get().message()), modeValue);
        this.title = I18n.computed(() -> {
            SourceSummary s = summary.get();
            Mode m = modeValue.get();
            if (s == null) {
                return I18n.t("ui.title.app");
            }
            if (s.kind() == DatabaseKind.MARIADB) {
                return m == Mode.WRITABLE ? I18n.t("ui.title.live", describeDatabase(s.source()))
                        : I18n.t("ui.title.liveMode", describeDatabase(s.source()), m.message());
            }
            String name = Path.of(s.source()).getFileName().toString();
            return m == Mode.WRITABLE ? I18n.t("ui.title.snapshot", name) : I18n.t("ui.title.snapshotMode", name, m.message());
        }, summary, modeValue);
        this.hasError = error.isNotEmpty();
    }

    /** Opens a snapshot in the background; on success it replaces the current source. */
    public void open(Path snapshot) {
        Path path = snapshot.toAbsolutePath().normalize();
        open(snapshot, Single.fromCallable(() -> service.open(path)));
    }

    /**
     * As {@link #open(Path)}, with a head start: the snapshot is already being opened (at the console's start, while
     * the window was built), and this shows it once {@code opening} is done.
     */
    public void openFrom(Path snapshot, CompletionStage<Source> opening) {
        open(snapshot, headStart(opening), opening);
    }

    private void open(Path snapshot, Single<Source> opener) {
        open(snapshot, opener, null);
    }

    private void open(Path snapshot, Single<Source> opener, CompletionStage<Source> early) {
        Path path = snapshot.toAbsolutePath().normalize();
        load(Message.of("ui.busy.opening", String.valueOf(snapshot.getFileName())), opener, () -> {
            recent.remove(path);
            recent.add(0, path);
            if (recent.size() > MAX_RECENT) {
                recent.remove(MAX_RECENT, recent.size());
            }
        }, early);
    }

    /**
     * Opens a live ZStack database read-only in the background ({@code jdbc:mariadb://} or {@code jdbc:mysql://}).
     * The password goes to the connection only; the database is remembered by its URL without password and
     * the user.
     *
     * @param user     the user, or null/blank when the URL names it
     * @param password the password, or null/empty when none is needed
     */
    public void openDatabase(String url, String user, String password) {
        openDatabase(url, user, password, null);
    }

    /** As {@link #openDatabase(String, String, String)}, through SSH to {@code sshAlias} when it is not null. */
    public void openDatabase(String url, String user, String password, String sshAlias) {
        String u = url == null ? "" : url.strip();
        String who = user == null || user.isBlank() ? null : user.strip();
        String pw = password == null || password.isEmpty() ? null : password;
        String alias = sshAlias == null || sshAlias.isBlank() ? null : sshAlias.strip();
        RecentDatabase remember = new RecentDatabase(JdbcUrls.stripPassword(u), who, alias);
        load(alias == null ? Message.of("ui.busy.connecting", JdbcUrls.withoutPassword(u))
                        : Message.of("ui.busy.connectingSsh", JdbcUrls.withoutPassword(u), alias),
                Single.fromCallable(() -> service.openDatabase(u, who, pw, alias)), () -> {
            recentDatabases.remove(remember);
            recentDatabases.add(0, remember);
            if (recentDatabases.size() > MAX_RECENT) {
                recentDatabases.remove(MAX_RECENT, recentDatabases.size());
            }
        });
    }

    /** Opens the built-in demo snapshot, generating it on the first start. */
    public void openDemo() {
        load(Message.of("ui.busy.openingDemo"), Single.fromCallable(() -> service.open(service.demoSnapshot())), null);
    }

    /** As {@link #openDemo()}, with the demo already being opened (at the console's start). */
    public void openDemoFrom(CompletionStage<Source> opening) {
        load(Message.of("ui.busy.openingDemo"), headStart(opening), null, opening);
    }

    /**
     * Hands on the source of the head start under way ({@link #openFrom}, {@link #openDemoFrom}) now, on the FX thread,
     * if it is open already; otherwise it comes as any open does, through the FX queue, once open. The console calls
     * this before its window is first shown: the first VM rows are then read while the window is laid out, and come
     * in its first layout, not after it (the FX thread is busy with that layout for a few hundred milliseconds).
     *
     * @return whether the source was handed on
     */
    public boolean takeHeadStart() {
        HeadStart h = headStart;
        if (h == null || !h.opening().isDone() || h.opening().isCompletedExceptionally()) {
            return false;
        }
        headStart = null;
        delivered(h.opening().join(), h.remember());
        return true;
    }

    /**
     * What a head start opens, or the failure it meets (unwrapped); a source it opens after the window gave up on
     * it (another was opened meanwhile) is closed.
     */
    private static Single<Source> headStart(CompletionStage<Source> opening) {
        return Single.create(emitter -> opening.whenComplete((opened, failure) -> {
            if (failure != null) {
                emitter.tryOnError(failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else if (emitter.isDisposed()) {
                opened.close();
            } else {
                emitter.onSuccess(opened);
            }
        }));
    }

    /** Forgets the recent snapshots and databases. */
    public void clearRecent() {
        recent.clear();
        recentDatabases.clear();
    }

    /** "zstack on 10.0.0.5:3306" for {@code jdbc:mariadb://10.0.0.5:3306/zstack?...}; the URL itself otherwise. */
    public static String describeDatabase(String url) {
        return JdbcUrls.describe(url);
    }

    /** The import of a dump (File > Import dump), which opens the snapshot it wrote. */
    public ImportViewModel importer() {
        if (importer == null) {
            importer = new ImportViewModel(schedulers, this::open);
        }
        return importer;
    }

    private void load(Message message, Single<Source> opener, Runnable remember) {
        load(message, opener, remember, null);
    }

    private void load(Message message, Single<Source> opener, Runnable remember, CompletionStage<Source> early) {
        pending.dispose();
        headStart = early == null ? null : new HeadStart(early.toCompletableFuture(), remember);
        busy.set(true);
        busyMessage.set(message);
        error.set("");
        // The source is handed on as soon as it is open, so that the lists load at once; the row counts
        // (a read of every table, slow on a large snapshot read cold from disk) follow in the background.
        pending = opener
                .subscribeOn(schedulers.background())
                .observeOn(schedulers.fx())
                .subscribe(s -> {
                    headStart = null;
                    // a source opened for this load is new: shown already, takeHeadStart handed it on
                    if (s != source.get()) {
                        delivered(s, remember);
                    }
                }, e -> {
                    headStart = null;
                    failed(e);
                });
    }

    private void delivered(Source s, Runnable remember) {
        if (remember != null) {
            remember.run();
        }
        opened(s);
    }

    private void opened(Source opened) {
        Source previous = source.get();
        changedByRun.set(false);
        source.set(opened);
        summary.set(SourceSummary.withoutCounts(opened));
        counts.clear();
        busy.set(false);
        busyMessage.set(null);
        // the previous source's counts, if still being read, end with it
        counting.dispose();
        if (previous != null) {
            previous.close();
        }
        if (countsAfter == null || countsAfter.getValue() == opened) {
            countRows(opened);
        } else {
            awaitingCounts = opened;
        }
    }

    /** Set by {@link #countAfter}: the source whose first rows were shown last. */
    private javafx.beans.value.ObservableValue<Source> countsAfter;
    /** The open source whose rows are counted once its first rows are shown; null when none waits. */
    private Source awaitingCounts;

    /**
     * Counts an opened source's rows only once {@code shown} names it (its first VM rows are shown), not while they
     * are read: on a live database the counts scan every table (2 s of the server's time on 100,000 VMs, 1.1 s of
     * it the file contents) and would delay the first rows. Without this call the counts start at once.
     */
    public void countAfter(javafx.beans.value.ObservableValue<Source> shown) {
        countsAfter = shown;
        shown.addListener((o, was, now) -> {
            if (now != null && now == awaitingCounts) {
                awaitingCounts = null;
                if (now == source.get()) {
                    countRows(now);
                }
            }
        });
    }

    /**
     * A run, repair or undo from this window changed the open source through a session of its own: the window
     * no longer says "read-only" (it still browses through a read-only session), and counts the rows again.
     */
    public void sourceChangedByRun() {
        if (source.get() != null) {
            changedByRun.set(true);
            refreshCounts();
        }
    }

    /** Whether a run from this window changed the open source. */
    public ReadOnlyBooleanProperty changedByRunProperty() {
        return changedByRun.getReadOnlyProperty();
    }

    /** What the window may do to the open source, for its badge: read-only, writable, changed by a run. */
    public StringBinding modeBinding() {
        return mode;
    }

    /** What the window may do to the open source; null while none is open. */
    public ObjectBinding<Mode> modeProperty() {
        return modeValue;
    }

    /** What the window may do to the open source (its badge). */
    public enum Mode implements Messages.Localized {
        READ_ONLY("ui.mode.readOnly", "ui.mode.readOnly.tip"), WRITABLE("ui.mode.writable", "ui.mode.writable.tip"),
        CHANGED("ui.mode.changed", "ui.mode.changed.tip");

        private final String key;
        private final String tipKey;

        Mode(String key, String tipKey) {
            this.key = key;
            this.tipKey = tipKey;
        }

        @Override
        public Message message() {
            return Message.of(key);
        }

        /** What the mode means for the source: the badge's tooltip. */
        public Message tip() {
            return Message.of(tipKey);
        }
    }

    /** Counts the rows again (after a run changed the database), in the background. */
    public void refreshCounts() {
        Source s = source.get();
        if (s != null) {
            countRows(s);
        }
    }

    private void countRows(Source opened) {
        counting.dispose();
        counting = Single.fromCallable(() -> {
                    try {
                        return SourceSummary.of(opened);
                    } catch (SQLException e) {
                        throw opened.failure(e);
                    }
                })
                .subscribeOn(schedulers.background())
                .observeOn(schedulers.fx())
                .subscribe(counted -> {
                    if (source.get() == opened) {
                        summary.set(counted);
                        counts.setAll(counted.counts().entrySet().stream()
                                .map(e -> new TableCountRow(e.getKey(), e.getValue())).toList());
                    }
                }, e -> {
                    // said for the source still open only; an open under way stays busy
                    if (source.get() == opened) {
                        error.set(messageOf(e));
                    }
                });
    }

    private void failed(Throwable t) {
        busy.set(false);
        busyMessage.set(null);
        error.set(messageOf(t));
    }

    private static String messageOf(Throwable t) {
        String message = t.getLocalizedMessage();
        return message != null && !message.isBlank() ? message : t.toString();
    }

    /** Something the person should know that is not an error of what they did (preferences were reset, say). */
    public void showNotice(String message) {
        notice.set(message == null || message.isEmpty() ? null : I18n.raw(message));
    }

    /** A notice in the windows' language (it follows a change of language while shown). */
    public void showNotice(Message message) {
        notice.set(message);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** The notice in the windows' language; empty when there is none. */
    public StringBinding noticeProperty() {
        return noticeText;
    }

    /** The notice; null when there is none. */
    public ReadOnlyObjectProperty<Message> noticeMessageProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissError() {
        error.set("");
    }

    public ReadOnlyObjectProperty<Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SourceSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is loading, while the window is busy; null otherwise. */
    public ReadOnlyObjectProperty<Message> busyMessageProperty() {
        return busyMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding hasErrorBinding() {
        return hasError;
    }

    public StringBinding titleBinding() {
        return title;
    }

    /** Snapshots opened from files (not the demo), newest first, at most {@link #MAX_RECENT}. */
    public ObservableList<Path> recent() {
        return recentReadOnly;
    }

    /** Live databases opened, newest first, at most {@link #MAX_RECENT}: URL without password, and user. */
    public ObservableList<RecentDatabase> recentDatabases() {
        return recentDatabasesReadOnly;
    }

    public ObservableList<TableCountRow> counts() {
        return countsReadOnly;
    }

    @Override
    public void close() {
        pending.dispose();
        counting.dispose();
        if (importer != null) {
            importer.close();
        }
        Source s = source.get();
        if (s != null) {
            s.close();
        }
    }

}
