package dev.tpmconsole.model.hosts;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.util.Texts;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the console may touch on a KVM host, and the values it may pass on about one (docs/hosts.md, "Which
 * paths may be touched"): ZStack's agent's own rules, checked on the text of a path before anything is
 * exported or sent. What only the host can tell (the server's realpath, a symbolic link at the path) is
 * checked where the host is reached.
 *
 * <p>Every method returns why a value is refused (a {@link Message}: English in a plan, a journal or a script's
 * log, the reader's language in a window), or null when it is allowed, so that the refusal can be reported with
 * the item it fails.
 */
public final class HostPaths {

    /** Where libvirt keeps a VM's TPM state: one folder per VM, named by its uuid with hyphens. */
    public static final String SWTPM = "/var/lib/libvirt/swtpm/";
    /** Where libvirt keeps a VM's UEFI variables: one plain file per VM. */
    public static final String NVRAM = "/var/lib/libvirt/qemu/nvram/";
    /** The console's trash inside each of those folders (docs/hosts.md, "Cleaning"): never an entry of a scan. */
    public static final String TRASH = ".tpm-console-trash";

    private static final Pattern STATE_FOLDER = Pattern.compile(
            "/var/lib/libvirt/swtpm/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{32}");
    /** ZStack's uuids, and the short identifiers of hand-made test databases: safe in a file name and a script. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    /** The type of a VmHostFileVO row, which decides what its path must be. */
    public enum FileType {
        TPM_STATE("TpmState"), NVRAM("NvRam");

        private final String column;

        FileType(String column) {
            this.column = column;
        }

        /** The value of {@code VmHostFileVO.type}. */
        public String column() {
            return column;
        }

        /** The type named by a {@code VmHostFileVO.type} value, or null for any other value. */
        public static FileType of(String column) {
            for (FileType t : values()) {
                if (t.column.equals(column)) {
                    return t;
                }
            }
            return null;
        }
    }

    private HostPaths() {
    }

    /**
     * Why a path may not be touched as a file of this type, or null. A TpmState path must be a state folder
     * {@code /var/lib/libvirt/swtpm/<uuid-with-hyphens>/} (trailing slash optional); an NvRam path a file
     * directly below {@code /var/lib/libvirt/qemu/nvram/}. No {@code ..}, no empty segment, nothing but the
     * characters ZStack's names have.
     */
    public static Message refusal(FileType type, String path) {
        if (path == null || path.isEmpty()) {
            return Message.of("hosts.path.empty");
        }
        if (!Texts.isPlain(path)) {
            return Message.of("hosts.path.notPlain");
        }
        return switch (type) {
            case TPM_STATE -> STATE_FOLDER.matcher(path).matches() ? null
                    : path.startsWith(NVRAM) ? Message.of("hosts.path.nvramAsState", SWTPM + "<vm-uuid>/")
                    : Message.of("hosts.path.notStateFolder", SWTPM + "<vm-uuid-with-hyphens>/");
            case NVRAM -> {
                if (!path.startsWith(NVRAM)) {
                    yield Message.of("hosts.path.notNvram", NVRAM);
                }
                String name = path.substring(NVRAM.length());
                yield FILE_NAME.matcher(name).matches() && !name.contains("..") ? null
                        : Message.of("hosts.path.notNvram", NVRAM);
            }
        };
    }

    /**
     * Why a TpmState path may not be touched for this VM, or null: the path rules, and the folder must be the
     * VM's own (a row naming another VM's folder would destroy that VM's TPM).
     */
    public static Message stateFolderRefusal(String path, String vmUuid) {
        Message why = refusal(FileType.TPM_STATE, path);
        if (why != null) {
            return why;
        }
        if (vmUuid == null || !UUID.matcher(vmUuid).matches()) {
            return Message.of("hosts.path.notVmUuid");
        }
        return folderName(path).equals(hyphenated(vmUuid)) ? null
                : Message.of("hosts.path.otherVm", vmUuid);
    }

    /** The last segment of a state folder path, without the trailing slash. */
    public static String folderName(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** A ZStack uuid (32 lowercase hex digits) in the 8-4-4-4-12 form libvirt names folders by. */
    public static String hyphenated(String uuid) {
        if (uuid == null || !UUID.matcher(uuid).matches()) {
            throw new IllegalArgumentException("not a ZStack uuid: " + Texts.quoted(uuid));
        }
        return uuid.substring(0, 8) + "-" + uuid.substring(8, 12) + "-" + uuid.substring(12, 16) + "-"
                + uuid.substring(16, 20) + "-" + uuid.substring(20);
    }

    /** The ZStack uuid a state folder is named after (hyphens dropped), or null when the name is not one. */
    public static String uuidOfFolder(String name) {
        if (name == null || !STATE_FOLDER.matcher(SWTPM + name).matches()) {
            return null;
        }
        return name.replace("-", "");
    }

    /** Why a host uuid may not name a host's script or trash, or null. */
    public static Message hostIdRefusal(String hostUuid) {
        return hostUuid != null && IDENTIFIER.matcher(hostUuid).matches() ? null
                : Message.of("hosts.path.hostId", Texts.quoted(hostUuid));
    }

    /**
     * Why a management address may not be used (as an SSH alias, or named in a script), or null: an IPv4 or
     * IPv6 address, or a DNS name; never an option ({@code -...}), a space or a control character.
     */
    public static Message addressRefusal(String address) {
        if (address == null || address.isEmpty()) {
            return Message.of("hosts.path.noAddress");
        }
        if (address.length() <= 253 && (IPV4.matcher(address).matches() || HOST_NAME.matcher(address).matches()
                || IPV6.matcher(address).matches() && address.contains(":") && validIpv6(address))) {
            return null;
        }
        return Message.of("hosts.path.badAddress", Texts.quoted(address));
    }

    private static boolean validIpv6(String address) {
        try {
            // a literal only: text that starts with a hex digit or ':' and holds a ':' is parsed, never looked up
            return java.net.InetAddress.getByName(address.toLowerCase(Locale.ROOT)) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
