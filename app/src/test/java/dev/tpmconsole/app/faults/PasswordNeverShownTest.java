package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.Rows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live database's password, given in the URL or in {@code TPM_CONSOLE_DB_PASSWORD}, appears in no command's
 * output and in no file a command writes (plans, reports, SQL scripts, run folders, the event log), on success
 * and on failure.
 */
class PasswordNeverShownTest {

    static final String PASSWORD = "Pw-9f3kq2Lz";

    @TempDir
    Path dir;

    @Test
    void noCommandShowsOrWritesThePassword() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create(false)) {
            String vm = "c0ffee00".repeat(4);
            db.load(sink -> {
                Rows r = new Rows(sink);
                r.provider("prov1", "nkp-default").host("h", false).vm(vm, true).tpm("t", vm);
                r.keyRef(1, "TpmVO", "t", null, "nkp-default", "kek");
                r.keyRef(2, "TpmVO", "gone", "prov1", "nkp-default", "kek");
                r.hostFile("f", vm, "h", "TpmState").backup("b", vm, "TpmState");
            });
            String user = db.createUser("tpm_console_pw_", PASSWORD, "ALL");
            String url = MariaDbTestDatabase.serverUrl() + db.name() + "?user=" + user + "&password=" + PASSWORD;
            String bare = MariaDbTestDatabase.serverUrl() + db.name() + "?user=" + user;
            Path out = dir.resolve("out");
            Files.createDirectories(out);
            List<ConsoleProcess.Result> results = new ArrayList<>();
            results.add(Faults.console("info", url));
            results.add(Faults.console("info", url, "--format", "json"));
            results.add(Faults.console("audit", url, "--format", "text"));
            results.add(Faults.console("audit", url, "--format", "json", "--out", out.resolve("audit.json").toString()));
            results.add(Faults.console("audit", url, "--show-sql"));
            results.add(Faults.console("plan", "remove", url, "--vm", vm));
            results.add(Faults.console("plan", "remove", url, "--vm", vm, "--out", out.resolve("plan.json").toString()));
            results.add(Faults.console("repair", url, "--plan-only"));
            results.add(Faults.console("repair", url, "--plan-only", "--out", out.resolve("repair.json").toString(),
                    "--sql", out.resolve("repair.sql").toString()));
            results.add(Faults.console("info", url.replace(PASSWORD, PASSWORD + "-wrong"))); // a refused login
            Path journal = out.resolve("run/journal.jsonl");
            results.add(Faults.console("apply", url, out.resolve("plan.json").toString(), "--journal", journal.toString()));
            // the journal names the database without its password: it comes from the environment again
            ConsoleProcess withPassword = ConsoleProcess.in(dir.resolve("work"))
                    .withEnv(Map.of("TPM_CONSOLE_DB_PASSWORD", PASSWORD));
            results.add(withPassword.run(Duration.ofSeconds(120), "apply", "--resume", journal.toString()));
            results.add(withPassword.run(Duration.ofSeconds(120), "undo", journal.toString()));
            results.add(withPassword.run(Duration.ofSeconds(120), "audit", bare, "--format", "csv"));
            results.add(Faults.console("apply", url, out.resolve("repair.json").toString(), "--journal",
                    out.resolve("repair-run/journal.jsonl").toString()));

            for (ConsoleProcess.Result r : results) {
                assertThat(r.all()).as(r.all()).doesNotContain(PASSWORD);
            }
            // the URL is quoted for the shell (its ? would glob)
            assertThat(results.get(8).out()).contains("apply it with: tpm-console apply '" + bare + "' ");
            assertThat(results.get(9).status()).isEqualTo(1);
            assertThat(results.get(10).status()).as(results.get(10).all()).isZero();
            List<Path> written;
            try (Stream<Path> files = Stream.concat(Files.walk(out), Files.walk(dir.resolve("work")))) {
                written = files.filter(Files::isRegularFile).toList();
            }
            assertThat(written).extracting(p -> p.getFileName().toString()).contains("audit.json", "plan.json",
                    "repair.sql", "repair.inverse.sql", "journal.jsonl", "quarantine.jsonl", "backup-touched-rows.sql");
            for (Path f : written) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(PASSWORD);
            }
        }
    }
}
