package dev.tpmconsole.views.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's status, summary, causes and states are messages: shown in English or Chinese. */
class RunViewModelLanguageTest {

    static final String V = "c0ffee00".repeat(4);

    @TempDir
    Path dir;

    @Test
    void aFailedRunReadsInEitherLanguage() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("s.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h", false);
            r.vm(V, true).tpm("t", V).keyRef(1, "TpmVO", "t", "p", "nkp", "kek");
            r.hostFile("f", V, "h", "TpmState").backup("b", V, "TpmState");
        });
        TestSnapshots.exec(file, "CREATE TRIGGER stop BEFORE DELETE ON VmHostFileVO BEGIN SELECT RAISE(ABORT, 'no'); END");
        Plan plan;
        try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            plan = new Planner(s, Clock.systemUTC()).remove(List.of(V)).plan();
        }
        try (Source shown = SqliteSnapshot.open(file, OpenOptions.readOnly());
             RunViewModel vm = new RunViewModel(new SourceRunService(shown, dir, Schedulers.trampoline()),
                     FxSchedulers.synchronous(), null, plan)) {
            assertThat(I18n.t(vm.statusMessageProperty().get())).isEqualTo("Not started");
            vm.start();
            assertThat(vm.outcomeProperty().get()).isEqualTo(RunEvent.Outcome.FAILED);
            assertThat(vm.statusMessageProperty().get().in(Messages.of(Language.EN))).isEqualTo("Finished with failures");
            assertThat(vm.statusMessageProperty().get().in(Messages.of(Language.ZH_CN))).isEqualTo("已结束，部分项失败");
            assertThat(vm.summaryMessageProperty().get().in(Messages.of(Language.ZH_CN)))
                    .startsWith("已完成 2 项，失败 1 项，跳过 1 项。");
            ItemRow host = vm.items().get(0);
            try {
                I18n.languageProperty().set(Language.ZH_CN);
                assertThat(ItemRow.label(host.state())).isEqualTo("已导出");
                assertThat(host.cause()).startsWith("已导出到执行目录中物理机 h 的脚本");
                assertThat(ItemRow.label(vm.failures().get(0).state())).isEqualTo("失败");
                assertThat(I18n.t("ui.run.title", RunViewModel.operationName(plan.operation()), 1, "s.sqlite"))
                        .isEqualTo("移除 TPM：s.sqlite 上的 1 台云主机");
            } finally {
                I18n.languageProperty().set(Language.EN);
            }
            assertThat(ItemRow.label(host.state())).isEqualTo("exported");
            assertThat(host.cause()).startsWith("exported into the run folder's script for host h");
            assertThat(vm.summaryProperty().get()).startsWith("2 items done, 1 failed, 1 skipped.");
        }
    }
}
