package dev.tpmconsole.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.app.CommandLineTest;
import dev.tpmconsole.app.CommandLineTest.Run;
import dev.tpmconsole.app.TpmConsoleCommand;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** What a person reads from the commands: counted nouns, grouped numbers, SOURCE, and what to run next. */
class CommandTextsTest {

    /** A number of four or more digits written without grouping ("6856"), outside uuids and paths. */
    static final Pattern UNGROUPED = Pattern.compile("(?<![\\w./-])\\d{4,}(?![\\w./-])");

    @TempDir
    static Path shared;
    static Path demo;

    @TempDir
    Path dir;

    static Run run(String... args) {
        return CommandLineTest.run(args);
    }

    @BeforeAll
    static void demo() throws Exception {
        demo = TestSnapshots.demo(shared.resolve("demo.sqlite"), 400, 5);
    }

    @Test
    void planAndInfoWriteLargeNumbersAlike() throws Exception {
        List<String> args = new ArrayList<>(List.of("plan", "remove", demo.toString(), "--no-catalogue", "--out",
                dir.resolve("all.json").toString()));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + demo); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT uuid FROM VmInstanceEO")) {
            while (rs.next()) {
                args.addAll(List.of("--vm", rs.getString(1)));
            }
        }
        Run plan = run(args.toArray(String[]::new));
        assertThat(plan.status()).as(plan.err()).isZero();
        Plan written = PlanJson.read(dir.resolve("all.json"));
        assertThat(written.deletes().size()).as("large enough to need grouping").isGreaterThanOrEqualTo(1000);
        assertThat(plan.out()).contains("will delete " + String.format("%,d", written.deletes().size()) + " rows")
                .contains(String.format("remove-tpm of %,d VMs", written.vmUuids().size()));
        Run info = run("info", demo.toString(), "--no-catalogue");
        for (Run r : List.of(plan, info)) {
            String withoutPaths = r.out().replace(dir.toString(), "").replace(demo.toString(), "");
            assertThat(UNGROUPED.matcher(withoutPaths).results().map(m -> m.group()).toList()).as(r.out()).isEmpty();
        }
    }

    @Test
    void oneIsSingular() throws Exception {
        Run audit = run("audit", demo.toString(), "--no-catalogue", "--format", "text", "--rule", "TPM_WITHOUT_VM");
        assertThat(audit.out()).contains(" in 1 rule.").doesNotContain("1 rules");
        String vm;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + demo); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT min(vmInstanceUuid) FROM TpmVO")) {
            vm = rs.getString(1);
        }
        Run plan = run("plan", "remove", demo.toString(), "--no-catalogue", "--vm", vm, "--out",
                dir.resolve("one.json").toString());
        assertThat(plan.out()).as(plan.err()).startsWith("remove-tpm of 1 VM: ").doesNotContain("VM(s)")
                .doesNotContain(" 1 host paths", " 1 rows", " 1 tables");
        // a run's failures as the catalogue records them (English, whatever the language): counted alike
        assertThat(dev.tpmconsole.model.i18n.Message.of("cli.apply.runFailures", 1, "TpmVO/x").english())
                .isEqualTo("1 failed item, first: TpmVO/x");
        assertThat(dev.tpmconsole.model.i18n.Message.of("cli.apply.runFailures", 12345, "TpmVO/x").english())
                .isEqualTo("12,345 failed items, first: TpmVO/x");
    }

    @Test
    void infoTextListsTheMissingColumnsItsJsonLists() throws Exception {
        Run full = run("info", demo.toString(), "--no-catalogue");
        assertThat(full.out()).contains("optional columns missing: none");

        Path old = dir.resolve("old.sqlite");
        Files.copy(demo, old);
        TestSnapshots.exec(old, "ALTER TABLE VmHostFileVO DROP COLUMN lastSyncReason",
                "ALTER TABLE VmHostFileVO DROP COLUMN changeDate");
        Run text = run("info", old.toString(), "--no-catalogue");
        JsonNode json = new ObjectMapper().readTree(run("info", old.toString(), "--no-catalogue", "--format", "json").out());
        JsonNode missing = json.at("/schema/missingColumns");
        assertThat(missing.size()).isEqualTo(1);
        for (Iterator<String> tables = missing.fieldNames(); tables.hasNext(); ) {
            String table = tables.next();
            List<String> cols = new ArrayList<>();
            missing.get(table).forEach(n -> cols.add(n.asText()));
            assertThat(text.out()).contains("optional columns missing: " + table + ": " + String.join(", ", cols));
        }
    }

    @Test
    void everySourceSaysThatALiveDatabaseWorks() {
        List<String> checked = new ArrayList<>();
        Stream.of(TpmConsoleCommand.commandLine(new StringWriter(), new StringWriter()))
                .flatMap(CommandTextsTest::tree)
                .forEach(spec -> {
                    for (PositionalParamSpec p : spec.positionalParameters()) {
                        // gui opens snapshots only; clouds split takes the sources as catalogue entries
                        if (p.paramLabel().equals("SOURCE") && !spec.name().equals("gui") && !spec.name().equals("split")) {
                            assertThat(String.join(" ", p.description())).as(spec.qualifiedName())
                                    .contains(CliSources.SOURCE_HELP);
                            checked.add(spec.name());
                        }
                    }
                });
        assertThat(checked).contains("info", "audit", "plan", "apply", "repair", "scan", "purge-trash", "ack",
                "history", "runs");
        assertThat(CliSources.SOURCE_HELP).contains("snapshot", "jdbc:mariadb://", "jdbc:mysql://");
    }

    static Stream<CommandSpec> tree(CommandLine cli) {
        return Stream.concat(Stream.of(cli.getCommandSpec()),
                cli.getSubcommands().values().stream().distinct().flatMap(CommandTextsTest::tree));
    }

    @Test
    void repairWithoutPlanOnlyWritesThePlanBesideTheSnapshotAndSaysHowToApplyIt() throws Exception {
        Path copy = dir.resolve("cloud.sqlite");
        Files.copy(demo, copy);
        String hash = TestSnapshots.sha256(copy);
        Run r = run("repair", copy.toString(), "--no-catalogue");
        assertThat(r.status()).as(r.err()).isZero();
        Path plan;
        try (Stream<Path> files = Files.list(dir)) {
            plan = files.filter(f -> f.getFileName().toString().matches("cloud\\.repair-\\d{8}T\\d{6}\\d*Z\\.json"))
                    .findFirst().orElseThrow();
        }
        assertThat(PlanJson.read(plan).operation()).isEqualTo("repair");
        assertThat(r.out()).startsWith("repair: will delete ")
                .contains("Plan written to " + plan)
                .contains("Read it, then apply it with: tpm-console apply " + copy + " " + plan);
        assertThat(TestSnapshots.sha256(copy)).as("reads only").isEqualTo(hash);
    }

    @Test
    void nothingToRepairNamesNothingToRun() throws Exception {
        // TPM_DUPLICATE_FOR_VM has no repair: its findings are kept, and there is nothing to apply
        Run r = run("repair", demo.toString(), "--no-catalogue", "--rule", "TPM_DUPLICATE_FOR_VM");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("repair: nothing to do").contains("Nothing to apply.").doesNotContain("apply it");
        try (Stream<Path> files = Files.list(demo.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".repair-"));
        }
        Path out = dir.resolve("empty.json");
        Run written = run("repair", demo.toString(), "--no-catalogue", "--plan-only", "--rule", "TPM_DUPLICATE_FOR_VM",
                "--out", out.toString());
        assertThat(PlanJson.read(out).deletes()).as("a valid, empty plan, as the contract says").isEmpty();
        assertThat(written.out()).contains("Nothing to apply.").doesNotContain("apply it");
    }

    @Test
    void planOnlyStillPrintsThePlanJson() throws Exception {
        Run r = run("repair", demo.toString(), "--no-catalogue", "--plan-only");
        assertThat(r.status()).isZero();
        assertThat(PlanJson.read(r.out()).operation()).isEqualTo("repair");
    }

    @Test
    void theLauncherIsNamedAsItIsStarted() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("opt/tpm-console/bin"));
        Path launcher = Files.writeString(bin.resolve("tpm-console"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path usrBin = Files.createDirectories(dir.resolve("usr/bin"));
        Files.createSymbolicLink(usrBin.resolve("tpm-console"), launcher);
        Path cwd = dir.resolve("work");

        // the .deb: the launcher is reached by its name on the PATH, through /usr/bin's link
        assertThat(Invocation.self(launcher.toString(), null, "/nonexistent:" + usrBin, cwd)).isEqualTo("tpm-console");
        // the app image where it was built: not on the PATH, so its path
        assertThat(Invocation.self(launcher.toString(), null, "/nonexistent", cwd)).isEqualTo(launcher.toString());
        // another program of that name first on the PATH: the path again
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.setPosixFilePermissions(Files.writeString(other.resolve("tpm-console"), "#!/bin/sh\n"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Invocation.self(launcher.toString(), null, other + ":" + usrBin, cwd)).isEqualTo(launcher.toString());
        // java -jar: the jar, relative to the current folder when below it, quoted when the shell needs it
        assertThat(Invocation.self(null, cwd.resolve("app/target/tpm-console.jar"), null, cwd))
                .isEqualTo("java -jar app/target/tpm-console.jar");
        assertThat(Invocation.self(null, dir.resolve("my jars/tpm-console.jar"), null, cwd))
                .isEqualTo("java -jar '" + dir.resolve("my jars/tpm-console.jar") + "'");
        // classes from a build folder (tests, an IDE)
        assertThat(Invocation.self(null, cwd.resolve("app/target/classes"), null, cwd)).isEqualTo("tpm-console");
    }
}
