package dev.tpmconsole.views.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import java.nio.file.Path;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's status line is a message: the view shows it in the language of the moment. */
class AuditViewModelLanguageTest {

    @TempDir
    Path dir;

    @Test
    void theStatusIsShownInEnglishOrChineseAsTheLanguageChanges() throws Exception {
        Path demo = TestSnapshots.demo(dir.resolve("demo.sqlite"), 300, 21);
        SimpleObjectProperty<Source> open = new SimpleObjectProperty<>();
        try (Source source = SqliteSnapshot.open(demo, OpenOptions.readOnly());
             AuditViewModel vm = new AuditViewModel(open, FxSchedulers.synchronous(), uuid -> { })) {
            open.set(source);
            vm.run();
            Message done = vm.statusMessageProperty().get();
            int findings = vm.reportProperty().get().findings().size();
            assertThat(done.key()).isEqualTo("ui.audit.status.done");
            assertThat(done.in(Messages.of(Language.EN))).startsWith(String.format("%,d findings (", findings))
                    .contains(" to act on) in 13 rules, ");
            assertThat(done.in(Messages.of(Language.ZH_CN))).startsWith(String.format("%,d 个发现项（", findings))
                    .contains("个需要处理）", "共 13 条规则", "秒");

            StringBinding shown = I18n.text(vm.statusMessageProperty());
            assertThat(shown.get()).isEqualTo(vm.statusProperty().get()).startsWith(String.format("%,d findings", findings));
            try {
                I18n.languageProperty().set(Language.ZH_CN);
                assertThat(shown.get()).as("the view's text follows the language").contains("个发现项");
                assertThat(vm.statusProperty().get()).as("the text recorded keeps the language it was set in")
                        .contains("findings");
                open.set(null);
                assertThat(shown.get()).isEqualTo("未打开数据源");
                assertThat(vm.statusProperty().get()).isEqualTo("未打开数据源");
                assertThat(vm.explanationBinding().get()).isEqualTo("选择一条规则，查看其含义及修复方法。");
            } finally {
                I18n.languageProperty().set(Language.EN);
            }
            assertThat(shown.get()).isEqualTo("No source open");
            assertThat(vm.explanationBinding().get()).isEqualTo("Select a rule to see what it means and how it is repaired.");
        }
    }
}
