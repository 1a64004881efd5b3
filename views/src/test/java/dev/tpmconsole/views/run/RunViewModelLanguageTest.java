package dev.tpmconsole.views.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's status, summary, causes and states are messages: shown in English or Chinese. */
class RunViewModelLanguageTest {

    @TempDir
    Path dir;

    @Test
    void aFailedRunReadsInEitherLanguage() throws Exception {
        RunViewModelTest.FailingRemove failing = RunViewModelTest.FailingRemove.in(dir);
        Path file = failing.file();
        Plan plan = failing.plan();
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
                assertThat(host.cause()).isEqualTo("已导出到执行目录中的 host-h.sh：未在物理机上执行任何操作");
                assertThat(ItemRow.label(vm.failures().get(0).state())).isEqualTo("失败");
                assertThat(I18n.t("ui.run.title", RunViewModel.operationName(plan.operation()), 1, "s.sqlite"))
                        .isEqualTo("移除 TPM：s.sqlite 上的 1 台云主机");
            } finally {
                I18n.languageProperty().set(Language.EN);
            }
            assertThat(ItemRow.label(host.state())).isEqualTo("exported");
            assertThat(host.cause()).as("the script's file, in the run folder")
                    .isEqualTo("exported into host-h.sh in the run folder: nothing was done on the host");
            assertThat(vm.summaryProperty().get()).startsWith("2 items done, 1 failed, 1 skipped.");
        }
    }
}
