package dev.tpmconsole.model.source;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the console from writing to a live ZStack database while ZStack itself runs: ZStack's management
 * nodes change the same rows (TPMs, host files, backups, key refs) and cache them, so rows removed under a
 * running node can come back or leave it inconsistent.
 *
 * <p>A running management node writes its {@code ManagementNodeVO.heartBeat} every few seconds (ZStack's
 * {@code node.heartbeatInterval}, 5 s by default) and deletes its row when it stops cleanly. A heartbeat
 * younger than {@link #RECENT} therefore means a node is (or was just) running. Five minutes is far above
 * the interval, so a live node is never missed, and wide enough to absorb a clock difference between the
 * console's machine and the database server of a few minutes; the price is that after a node is killed
 * (its row stays), writes are refused for up to five minutes unless the person confirms that the nodes are
 * stopped.
 */
public final class LiveWriteGuard {

    /** A heartbeat younger than this means a management node is running. */
    public static final Duration RECENT = Duration.ofMinutes(5);

    private LiveWriteGuard() {
    }

    /**
     * Does nothing for an SQLite snapshot. For a live MariaDB, refuses while any ManagementNodeVO row has a
     * heartbeat within {@link #RECENT} of {@code clock}'s now (or in the future), unless the person confirmed
     * that the management nodes are stopped; also refuses when it cannot tell (no ManagementNodeVO table).
     *
     * @throws SourceException naming the node(s) and the age of their heartbeat
     */
    public static void check(Source source, boolean nodesStoppedConfirmed, Clock clock) throws SourceException {
        if (source.kind() != DatabaseKind.MARIADB || nodesStoppedConfirmed) {
            return;
        }
        if (!source.layout().has("ManagementNodeVO")) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED, Message.of("source.live.noNodeTable",
                    source.displayName()));
        }
        Instant now = clock.instant();
        List<Message> running = new ArrayList<>();
        // UNIX_TIMESTAMP of a TIMESTAMP column is the true instant whatever the session's time zone
        String sql = "SELECT uuid, hostName, UNIX_TIMESTAMP(heartBeat) FROM ManagementNodeVO ORDER BY heartBeat DESC";
        try (Connection c = source.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long epoch = rs.getLong(3);
                if (rs.wasNull() || epoch <= 0) {
                    continue; // the zero date: never beat
                }
                Duration age = Duration.between(Instant.ofEpochSecond(epoch), now);
                if (age.compareTo(RECENT) < 0) {
                    String host = rs.getString(2);
                    Message beat = age.isNegative() ? Message.of("source.live.beatAhead", human(age.negated()))
                            : Message.of("source.live.beat", human(age));
                    running.add(host == null || host.isBlank() ? Message.of("source.live.node", rs.getString(1), beat)
                            : Message.of("source.live.node.named", host, rs.getString(1), beat));
                }
            }
        } catch (SQLException e) {
            throw source.failure(e);
        }
        if (!running.isEmpty()) {
            throw new SourceException(SourceException.Reason.LOCKED, Message.of("source.live.running",
                    source.displayName(), running.size(), Message.joined(running), RECENT.toMinutes()));
        }
    }

    private static Message human(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return Message.of("source.live.seconds", s);
        }
        return Message.of("source.live.minutes", s / 60, s % 60);
    }
}
