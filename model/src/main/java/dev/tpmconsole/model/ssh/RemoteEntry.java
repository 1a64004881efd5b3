package dev.tpmconsole.model.ssh;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import java.time.Instant;

/**
 * What SFTP says about one path on a host, without following a symbolic link at it (lstat; a directory
 * listing's attributes are OpenSSH's lstat too).
 *
 * @param name        the last segment
 * @param path        the full path
 * @param kind        folder, file, symbolic link or something else (a socket, a device)
 * @param size        bytes (of the link itself for a symbolic link)
 * @param mtime       the modification time, or null when the server gave none
 * @param permissions the mode bits ({@code 0755}), or -1 when the server gave none
 */
public record RemoteEntry(String name, String path, Kind kind, long size, Instant mtime, int permissions) {

    /** The kinds of entry the path rules tell apart. */
    public enum Kind implements Messages.Localized {
        FOLDER("folder"), FILE("file"), SYMLINK("symlink"), OTHER("other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The word the reports use. */
        public String label() {
            return label;
        }

        /** The word for a person, in the language being read ({@code hosts.kind.<label>}). */
        @Override
        public Message message() {
            return Message.of("hosts.kind." + label);
        }
    }
}
