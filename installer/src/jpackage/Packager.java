import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds TPM Console's app image and .deb: a jlink runtime (the JDK modules of runtime-modules.txt and the
 * JavaFX modules, made into jmods from the app's org.openjfx jars so that their native libraries land in the
 * runtime's lib/), then jpackage with the app's other jars on the class path.
 *
 * <p>Maven runs it (installer/pom.xml) with the jar lists that maven-dependency-plugin resolved; it is a
 * single-file program ({@code java Packager.java ...}) so that the plain build compiles nothing for it. The
 * tools run in this JVM through {@link ToolProvider}; the JDK that runs it is the one packaged.
 */
public final class Packager {

    static final String NAME = "tpm-console";
    static final String TITLE = "TPM Console";
    static final String MAIN_CLASS = "dev.tpmconsole.app.Launcher";
    static final String DESCRIPTION = "Browse, audit and clean up the TPM data of a ZStack database";
    static final String VENDOR = "TPM Console";
    static final String INSTALL_PARENT = "/opt";
    /** The .deb's section (Debian policy 2.4): system administration. */
    static final String DEB_SECTION = "admin";
    static final String MENU_GROUP = "System";

    private final Map<String, String> options;
    private final Path source;
    private final Path dest;
    private final Path work;
    private final long start = System.nanoTime();

    private Packager(Map<String, String> options) {
        this.options = options;
        this.source = Path.of(options.getOrDefault("--source", "src/jpackage")).toAbsolutePath();
        this.dest = Path.of(required("--dest")).toAbsolutePath();
        this.work = dest.resolve("work");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || !args[i].startsWith("--") || i + 1 == args.length) {
                System.out.println("usage: java Packager.java --types app-image[,deb] --version V --class-path FILE"
                        + " --javafx FILE --main-jar NAME --dest DIR [--source DIR] [--maintainer EMAIL]");
                System.exit(args[i].equals("--help") ? 0 : 2);
            }
            options.put(args[i], args[++i]);
        }
        try {
            new Packager(options).run();
        } catch (BuildFailure e) {
            System.err.println("[installer] FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    void run() throws Exception {
        Set<String> types = new LinkedHashSet<>(Arrays.asList(required("--types").split(",")));
        if (!Set.of("app-image", "deb").containsAll(types) || !types.contains("app-image")) {
            throw new BuildFailure("--types must be app-image or app-image,deb: " + types);
        }
        String version = numericVersion(required("--version"));
        List<Path> classPath = readPathList(Path.of(required("--class-path")));
        List<Path> javafxJars = readPathList(Path.of(required("--javafx")));
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (!Files.isDirectory(jmods)) {
            throw new BuildFailure("jlink needs the JDK's jmods, not found in " + jmods
                    + " (Debian: apt-get install openjdk-17-jdk-headless)");
        }

        deleteTree(work);
        deleteTree(dest.resolve(NAME));
        Files.createDirectories(dest);
        try (Stream<Path> old = Files.list(dest)) {
            for (Path deb : old.filter(p -> p.getFileName().toString().endsWith(".deb")).toList()) {
                Files.delete(deb);
            }
        }
        Files.createDirectories(work);

        // The module check reads the jars only; it runs beside the jmods and jlink (jdeps takes a while).
        List<String> listed = readModuleList(source.resolve("runtime-modules.txt"));
        CompletableFuture<String> check = CompletableFuture.supplyAsync(() -> checkModules(listed, classPath, javafxJars));

        Path appDir = prepareAppJars(classPath);
        Map<String, Path> fxModules = javafxJmods(javafxJars);
        List<String> modules = new ArrayList<>(listed);
        modules.addAll(fxModules.keySet());
        Path runtime = work.resolve("runtime");
        tool("jlink", "--module-path", jmods + java.io.File.pathSeparator + work.resolve("jmods"),
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--generate-cds-archive",
                "--output", runtime.toString());
        try {
            log(check.join());
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof BuildFailure f ? f : e;
        }

        // AppCDS: the classes of the start, and the script that makes the archive where the image is (see cds())
        boolean cds = copyClassList(appDir.resolve(required("--main-jar")), appDir.resolve(CDS_CLASSES));
        if (cds) {
            Files.copy(source.resolve(CDS_SCRIPT), appDir.resolve(CDS_SCRIPT));
            Files.setPosixFilePermissions(appDir.resolve(CDS_SCRIPT), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        boolean sqliteNative = Files.isDirectory(appDir.resolve("native"));
        List<String> image = new ArrayList<>(List.of("--type", "app-image", "--name", NAME,
                "--dest", dest.toString(), "--input", appDir.toString(),
                "--main-jar", required("--main-jar"), "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(), "--app-version", version,
                "--icon", source.resolve("resources").resolve(NAME + ".png").toString(),
                "--description", DESCRIPTION, "--vendor", VENDOR));
        if (sqliteNative) {
            // sqlite-jdbc loads its native library from here instead of extracting it into /tmp on every start
            image.addAll(List.of("--java-options", "-Dorg.sqlite.lib.path=$APPDIR/native"));
        }
        if (cds) {
            // an archive that is missing or does not fit is passed over without a word: the start is as without one
            image.addAll(List.of("--java-options", "-XX:SharedArchiveFile=$APPDIR/" + CDS_ARCHIVE));
        }
        // the quick compiler only (decision 0022): on two cores the optimizing compiler's threads took the start's and
        // a command's CPU (the first painted row 2.1-2.5 s with it, 1.6-1.9 s without; an audit's process 0.3 s less)
        image.addAll(List.of("--java-options", JIT_OPTION));
        // one compiler thread on two processors (decision 0031): two took 570 ms of CPU in the start's first 1.5 s,
        // beside the FX thread's 600 ms; with one, the first painted row came 50-250 ms sooner (medians of four runs)
        image.addAll(List.of("--java-options", COMPILERS_OPTION));
        // young collections of at most about 40 ms (decision 0025): G1 aims at 200 ms, and its pauses of 46-61 ms while
        // a plan was made were the preview window's longest gaps between pulses (68-75 ms; 32-51 ms with the goal)
        image.addAll(List.of("--java-options", GC_OPTION));
        // what survives a young collection is promoted at the next (decision 0038): it is mostly a window's rows, skins
        // and styles, which live as long as the window, and each collection copied them again between its survivor
        // spaces (the run window's young pauses 31-60 ms while the run went on; 31-41 ms so)
        image.addAll(List.of("--java-options", TENURING_OPTION));
        // System.gc() a young collection that starts a concurrent cycle, not a full one (decision 0045): the window
        // asks for one while it is idle, so that what its last work left alive is not copied when the next work begins
        image.addAll(List.of("--java-options", EXPLICIT_GC_OPTION));
        // the heap in huge pages where the kernel gives them on request (decision 0028): a first touch of a 4 KB page
        // cost about 10 us on a virtual machine, and an audit of a live database touched 250 MB of them
        image.addAll(List.of("--java-options", PAGES_OPTION));
        tool("jpackage", image.toArray(String[]::new));
        writeLauncher(dest.resolve(NAME));
        log("app image: " + dest.resolve(NAME) + " (" + megabytes(dest.resolve(NAME)) + ")");

        if (types.contains("deb")) {
            Path resources = debResources();
            tool("jpackage", "--type", "deb", "--app-image", dest.resolve(NAME).toString(),
                    "--dest", dest.toString(), "--name", NAME, "--app-version", version,
                    "--description", DESCRIPTION, "--vendor", VENDOR,
                    "--icon", source.resolve("resources").resolve(NAME + ".png").toString(),
                    "--resource-dir", resources.toString(), "--install-dir", INSTALL_PARENT,
                    "--linux-package-name", NAME, "--linux-app-release", "1",
                    // the control file says "Maintainer: VENDOR <EMAIL>"
                    "--linux-deb-maintainer", required("--maintainer"),
                    "--linux-menu-group", MENU_GROUP, "--linux-app-category", DEB_SECTION,
                    "--linux-shortcut");
            try (Stream<Path> files = Files.list(dest)) {
                for (Path deb : files.filter(p -> p.getFileName().toString().endsWith(".deb")).toList()) {
                    log("deb: " + deb + " (" + megabytes(deb) + ")");
                }
            }
        }
        if (cds) {
            // after the .deb, which leaves the archive out: it holds this image's paths; postinst makes the installed one
            cds(dest.resolve(NAME));
        }
        log(String.format("done in %.1f s", (System.nanoTime() - start) / 1e9));
    }

    /**
     * The class list (installer/cds/record-classes.sh; in the app's jar, whose {@code java -jar} window is given an
     * archive of it too), the script that makes the archive, and the archive.
     */
    static final String CDS_CLASSES = "cds-classes.txt";
    static final String CDS_CLASSES_IN_JAR = "dev/tpmconsole/app/" + CDS_CLASSES;
    static final String CDS_SCRIPT = "make-cds-archive";
    static final String CDS_ARCHIVE = NAME + ".jsa";
    /** The launcher's compiler option: C1 only, the quick compiler (decision 0022); java -jar's window has it too (0029). */
    static final String JIT_OPTION = "-XX:TieredStopAtLevel=1";
    /** The launcher's pause goal for the collector (decision 0025). */
    static final String GC_OPTION = "-XX:MaxGCPauseMillis=40";
    /** The launcher's tenuring: what survived one young collection is promoted at the next (decision 0038). */
    static final String TENURING_OPTION = "-XX:MaxTenuringThreshold=1";
    /** The launcher's explicit collections: young and concurrent, for the window's idle collection (decision 0045). */
    static final String EXPLICIT_GC_OPTION = "-XX:+ExplicitGCInvokesConcurrent";
    /**
     * The launcher's page option: transparent huge pages for the heap (decision 0028), passed by the launcher only where
     * the kernel has them ({@code /sys/kernel/mm/transparent_hugepage}): without them the JVM warns at every start.
     */
    static final String PAGES_OPTION = "-XX:+UseTransparentHugePages";
    /**
     * The launcher's compiler threads: one, passed by the launcher only on a machine of at most two processors
     * ({@code getconf _NPROCESSORS_ONLN}), where a second took the CPU the start needed (decision 0031).
     */
    static final String COMPILERS_OPTION = "-XX:CICompilerCount=1";

    /** Copies the class list out of the app's jar; false when the jar has none. */
    static boolean copyClassList(Path mainJar, Path to) throws IOException {
        try (ZipFile jar = new ZipFile(mainJar.toFile())) {
            ZipEntry entry = jar.getEntry(CDS_CLASSES_IN_JAR);
            if (entry == null) {
                return false;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        }
    }

    /**
     * Replaces jpackage's native launcher ({@code bin/tpm-console}) with a shell script that starts the image's runtime
     * with the options, class path and main class of {@code lib/app/tpm-console.cfg} (decision 0027): the native
     * launcher asks {@code rpm -qf} and then {@code dpkg -S} which package owns it at every start, which took about
     * 350 ms of every window's and command's start on Debian. The script passes {@code jpackage.app-path} (its own
     * path, links resolved) as the native launcher did, and execs the JVM, so that signals and the exit status are
     * the console's own.
     */
    static void writeLauncher(Path imageDir) throws IOException {
        Path cfg = imageDir.resolve("lib").resolve("app").resolve(NAME + ".cfg");
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String mainClass = null;
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            if (line.startsWith("app.classpath=")) {
                classPath.add(line.substring("app.classpath=".length()));
            } else if (line.startsWith("app.mainclass=")) {
                mainClass = line.substring("app.mainclass=".length());
            } else if (line.startsWith("java-options=")) {
                options.add(line.substring("java-options=".length()));
            }
        }
        if (mainClass == null || classPath.isEmpty()) {
            throw new BuildFailure(cfg + " names no main class or class path");
        }
        StringBuilder exec = new StringBuilder("exec \"$root/lib/runtime/bin/java\" \"-Djpackage.app-path=$self\"");
        for (String option : options) {
            // the huge pages' option only where the kernel has them: elsewhere the JVM would warn at every start; the
            // compiler threads' only on a machine of at most two processors
            exec.append(" \\\n  ").append(option.equals(PAGES_OPTION) ? "${pages:+\"$pages\"}"
                    : option.equals(COMPILERS_OPTION) ? "${compilers:+\"$compilers\"}" : shellWord(option));
        }
        exec.append(" \\\n  -cp ").append(shellWord(String.join(":", classPath)))
                .append(" \\\n  ").append(shellWord(mainClass)).append(" \"$@\"\n");
        String script = "#!/bin/sh\n"
                + "# TPM Console's launcher, made by the packaging from lib/app/" + NAME + ".cfg: starts the console's own\n"
                + "# runtime with the options, class path and main class written there. It stands in for jpackage's native\n"
                + "# launcher, which asked rpm and dpkg which package owns it at every start (decision 0027).\n"
                + "self=$(readlink -f -- \"$0\")\n"
                + "root=${self%/bin/*}\n"
                + "APPDIR=$root/lib/app\n"
                + "# the heap in huge pages where the kernel has transparent ones (decision 0028)\n"
                + "pages=\n"
                + "[ -r /sys/kernel/mm/transparent_hugepage/enabled ] && pages=" + PAGES_OPTION + "\n"
                + "# one compiler thread on a machine of at most two processors (decision 0031)\n"
                + "compilers=\n"
                + "processors=$(getconf _NPROCESSORS_ONLN 2>/dev/null) && [ \"$processors\" -le 2 ] 2>/dev/null"
                + " && compilers=" + COMPILERS_OPTION + "\n"
                + exec;
        Path launcher = imageDir.resolve("bin").resolve(NAME);
        Files.delete(launcher);
        Files.writeString(launcher, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code s} as one word of a POSIX shell, in double quotes; {@code $APPDIR} in it stays the variable. */
    static String shellWord(String s) {
        String quoted = s.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`").replace("$", "\\$")
                .replace("\\$APPDIR", "$APPDIR");
        return "\"" + quoted + "\"";
    }

    /** Makes the image's class data sharing archive with the image's own runtime and class path (its script). */
    void cds(Path imageDir) throws IOException, InterruptedException {
        Path script = imageDir.resolve("lib").resolve("app").resolve(CDS_SCRIPT);
        Process p = new ProcessBuilder(script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new BuildFailure("making the class data sharing archive failed:\n" + out);
        }
        log("class data sharing archive: " + megabytes(imageDir.resolve("lib").resolve("app").resolve(CDS_ARCHIVE)));
    }

    /** jpackage wants a numeric version: 0.1.0-SNAPSHOT packages as 0.1.0. */
    static String numericVersion(String projectVersion) {
        String v = projectVersion.replaceFirst("[^0-9.].*$", "").replaceFirst("\\.+$", "");
        if (!v.matches("\\d+(\\.\\d+){0,2}")) {
            throw new BuildFailure("cannot make a numeric package version of " + projectVersion);
        }
        return v;
    }

    /**
     * The class path jars, copied into the folder that jpackage puts on the launcher's class path (the app's
     * jar carries its version in version.properties, which --version reads), and sqlite-jdbc's native library for this platform is extracted beside the jars (native/, which the launcher
     * names in org.sqlite.lib.path: no copy into /tmp at every start, and /tmp may be mounted noexec).
     */
    Path prepareAppJars(List<Path> classPath) throws IOException {
        Path appDir = Files.createDirectories(work.resolve("app"));
        String mainJar = required("--main-jar");
        for (Path jar : classPath) {
            Path copy = appDir.resolve(jar.getFileName());
            if (Files.exists(copy)) {
                throw new BuildFailure("two jars named " + jar.getFileName() + " on the class path");
            }
            Files.copy(jar, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path main = appDir.resolve(mainJar);
        if (!Files.exists(main)) {
            throw new BuildFailure(mainJar + " is not on the class path " + classPath);
        }
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> System.getProperty("os.arch");
        };
        String platform = "org/sqlite/native/Linux/" + arch + "/";
        for (Path jar : classPath) {
            Path copy = appDir.resolve(jar.getFileName());
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(platform + "libsqlitejdbc.so");
                if (entry == null) {
                    continue;
                }
                Path nativeDir = Files.createDirectories(appDir.resolve("native"));
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, nativeDir.resolve("libsqlitejdbc.so"));
                }
                // the libraries of the other platforms (13 MB of the jar's 14) stay out of the package
                Path slim = work.resolve(jar.getFileName());
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(slim))) {
                    for (ZipEntry e : zip.stream().toList()) {
                        if (e.getName().startsWith("org/sqlite/native/") && !e.isDirectory()
                                && !e.getName().startsWith(platform)) {
                            continue;
                        }
                        out.putNextEntry(new ZipEntry(e.getName()));
                        try (InputStream in = zip.getInputStream(e)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
                Files.move(slim, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return appDir;
    }

    /**
     * A jmod per JavaFX module from its Maven jar (the linux-classified one; the unclassified ones are empty
     * placeholders): classes and resources as they are, the native libraries at the jar's root as the jmod's
     * native libraries, so that jlink puts them into the runtime's lib/ and JavaFX loads them from there
     * rather than extracting them into ~/.openjfx/cache. (javafx-swt.jar, for SWT interop, is left out.)
     */
    Map<String, Path> javafxJmods(List<Path> jars) throws IOException {
        Map<String, Path> modules = new TreeMap<>();
        Path jmods = Files.createDirectories(work.resolve("jmods"));
        for (Path jar : jars) {
            ModuleDescriptor descriptor = descriptor(jar);
            if (descriptor.isAutomatic()) {
                continue;
            }
            Path unpacked = work.resolve("javafx").resolve(descriptor.name());
            Path classes = Files.createDirectories(unpacked.resolve("classes"));
            Path libs = Files.createDirectories(unpacked.resolve("libs"));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                    String name = entry.getName();
                    Path target;
                    if (!name.contains("/") && name.endsWith(".so")) {
                        target = libs.resolve(name);
                    } else if (name.equals("javafx-swt.jar") || name.startsWith("META-INF/")
                            && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA"))) {
                        continue;
                    } else {
                        target = classes.resolve(name).normalize();
                        if (!target.startsWith(classes)) {
                            throw new BuildFailure(jar + " has an entry outside its root: " + name);
                        }
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
            Path jmod = jmods.resolve(descriptor.name() + ".jmod");
            List<String> args = new ArrayList<>(List.of("create", "--class-path", classes.toString()));
            try (Stream<Path> files = Files.list(libs)) {
                if (files.findAny().isPresent()) {
                    args.addAll(List.of("--libs", libs.toString()));
                }
            }
            descriptor.rawVersion().ifPresent(v -> args.addAll(List.of("--module-version", v)));
            args.add(jmod.toString());
            tool("jmod", args.toArray(String[]::new));
            modules.put(descriptor.name(), jmod);
        }
        if (!modules.containsKey("javafx.graphics")) {
            throw new BuildFailure("no JavaFX module among " + jars + " (the org.openjfx jars of this platform)");
        }
        return modules;
    }

    /**
     * Fails when a jar of the class path needs a JDK module that the listed modules do not bring: the
     * non-static {@code requires} of each modular jar, and what jdeps finds in the classes of the others.
     * Returns the report line.
     */
    static String checkModules(List<String> listed, List<Path> classPath, List<Path> javafxJars) {
        ModuleFinder system = ModuleFinder.ofSystem();
        Map<String, Set<String>> needed = new TreeMap<>();
        List<Path> plain = new ArrayList<>();
        for (Path jar : classPath) {
            ModuleDescriptor d = descriptor(jar);
            if (d.isAutomatic()) {
                plain.add(jar);
                continue;
            }
            for (ModuleDescriptor.Requires r : d.requires()) {
                if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
                        && system.find(r.name()).isPresent()) {
                    needed.computeIfAbsent(r.name(), k -> new TreeSet<>()).add(jar.getFileName().toString());
                }
            }
        }
        List<String> jdeps = new ArrayList<>(List.of("--print-module-deps", "--no-recursive", "--ignore-missing-deps",
                "--multi-release", String.valueOf(Runtime.version().feature()), "--class-path",
                // JavaFX stays off: its classes would be analysed too (it needs what its modules declare)
                classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))));
        plain.forEach(p -> jdeps.add(p.toString()));
        String found = tool("jdeps", jdeps.toArray(String[]::new)).strip();
        String plainNames = plain.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
        for (String module : found.split(",")) {
            needed.computeIfAbsent(module.strip(), k -> new TreeSet<>()).add("jdeps on " + plainNames);
        }
        // what jlink will resolve from the listed modules (static requires are not resolved, as in jlink)
        ModuleFinder finder = ModuleFinder.compose(system, ModuleFinder.of(javafxJars.stream()
                .filter(j -> !descriptor(j).isAutomatic()).toArray(Path[]::new)));
        Configuration runtime;
        try {
            runtime = Configuration.empty().resolve(finder, ModuleFinder.of(), listed);
        } catch (RuntimeException e) {
            throw new BuildFailure("runtime-modules.txt does not resolve: " + e.getMessage());
        }
        Set<String> present = runtime.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        List<String> missing = needed.entrySet().stream().filter(e -> !present.contains(e.getKey()))
                .map(e -> e.getKey() + " (needed by " + String.join(", ", e.getValue()) + ")").toList();
        if (!missing.isEmpty()) {
            throw new BuildFailure("the runtime lacks JDK modules that the app's jars need; add them to "
                    + "src/jpackage/runtime-modules.txt:\n  " + String.join("\n  ", missing));
        }
        return "module check: the " + present.size() + " modules cover the " + needed.size()
                + " JDK modules the class path needs (jdeps: " + found + ")";
    }

    /** The resource folder of the .deb: the packager's resources, with the install folder filled in. */
    Path debResources() throws IOException {
        Path resources = Files.createDirectories(work.resolve("resources"));
        try (Stream<Path> files = Files.list(source.resolve("resources"))) {
            for (Path file : files.toList()) {
                Path target = resources.resolve(file.getFileName());
                if (file.getFileName().toString().endsWith(".png")) {
                    Files.copy(file, target);
                } else {
                    Files.writeString(target, Files.readString(file)
                            .replace("@INSTALL_DIR@", INSTALL_PARENT + "/" + NAME)
                            .replace("@NAME@", NAME).replace("@TITLE@", TITLE));
                    if (Set.of("preinst", "postinst", "prerm", "postrm").contains(file.getFileName().toString())) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        return resources;
    }

    static ModuleDescriptor descriptor(Path jar) {
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        if (found.size() != 1) {
            throw new BuildFailure(jar + " is not a jar");
        }
        return found.iterator().next().descriptor();
    }

    /** Runs a JDK tool in this JVM; its output is shown only when it fails (jdeps': returned). */
    static String tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new BuildFailure("this JDK has no " + name + " tool"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int status;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            status = tool.run(print, print, args);
        }
        String output = out.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new BuildFailure(name + " failed (exit " + status + "):\n" + output + "\n  command: " + name
                    + " " + String.join(" ", args));
        }
        log(String.format("%s %.1f s", name, (System.nanoTime() - t0) / 1e9));
        return output;
    }

    static List<String> readModuleList(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static List<Path> readPathList(Path file) throws IOException {
        return Arrays.stream(Files.readString(file).strip().split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String megabytes(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            long bytes = all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
            return String.format("%.1f MB", bytes / 1e6);
        }
    }

    String required(String option) {
        String value = options.get(option);
        if (value == null) {
            throw new BuildFailure("missing option " + option);
        }
        return value;
    }

    static void log(String message) {
        System.out.println("[installer] " + message);
    }

    static final class BuildFailure extends RuntimeException {
        BuildFailure(String message) {
            super(message);
        }
    }
}
