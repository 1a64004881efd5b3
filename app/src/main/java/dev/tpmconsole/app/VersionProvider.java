package dev.tpmconsole.app;

import picocli.CommandLine;

/** Versions of the console and of what it runs on, for {@code --version} and the About box. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "TPM Console " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
