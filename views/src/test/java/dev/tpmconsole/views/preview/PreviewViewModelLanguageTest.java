package dev.tpmconsole.views.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's title, emphasis, tree and confirmation follow the language; the plan does not change. */
class PreviewViewModelLanguageTest {

    @TempDir
    Path dir;

    @Test
    void thePreviewReadsInChineseThenInEnglishAgain() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("p.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h", false);
            r.vm("vm", true).tpm("tpm", "vm").keyRef(1, "TpmVO", "tpm", "p", "nkp", "kek");
            r.hostFile("f", "vm", "h", "TpmState").backup("b", "vm", "TpmState");
        });
        try (Source source = SqliteSnapshot.open(file, OpenOptions.readOnly());
             PreviewViewModel vm = new PreviewViewModel(source, FxSchedulers.synchronous(), Clock.systemUTC())) {
            vm.load(PreviewViewModel.Operation.REMOVE, List.of("vm"));
            assertThat(vm.titleProperty().get()).isEqualTo("Preview: remove the TPM of VM vm vm (vm)");
            String english = vm.steps().get(3).label();
            try {
                I18n.languageProperty().set(Language.ZH_CN);
                assertThat(vm.titleProperty().get()).as("the window's title follows the language")
                        .isEqualTo("预览：移除云主机 vm vm（vm） 的 TPM");
                assertThat(I18n.t(vm.statusMessageProperty().get())).startsWith("将删除 1 个含密钥材料的密钥引用");
                assertThat(vm.steps().get(3).label()).as("the tree is written again").matches("删除 TPM（\\d+ 项，\\d+ 行）");
                PreviewViewModel.Confirmation c = vm.confirmation();
                assertThat(c.title()).isEqualTo("在 p.sqlite 上执行清理计划？");
                assertThat(c.message()).startsWith("此操作将在 ").contains("移除 TPM，1 台云主机", "以便撤销本次执行",
                        "将删除 1 个含密钥材料的密钥引用");
                assertThat(c.action()).startsWith("删除 ").endsWith(" 行");
            } finally {
                I18n.languageProperty().set(Language.EN);
            }
            assertThat(vm.titleProperty().get()).isEqualTo("Preview: remove the TPM of VM vm vm (vm)");
            assertThat(vm.steps().get(3).label()).isEqualTo(english);
            // the red line of the window is said where the person confirms too
            assertThat(vm.confirmation().message()).startsWith("This deletes ").contains("(Remove TPM of 1 VM).",
                    " Deletes 1 key ref holding key material and 1 last TPM-state copy.",
                    "so the run can be undone: the run window gives the command.");
        }
    }

    /**
     * A row of the tree keeps its action and reason as messages and writes them in the language of the moment: the tree
     * made once, in English, reads in Chinese without being made again (a plan of 20,000 rows made 20,000 texts in
     * the background, while the window showed, and only a screenful is seen; decision 0048).
     */
    @Test
    void aRowOfTheTreeIsWrittenInTheLanguageItIsReadIn() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("t.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.host("h", false).vm("vm", true).tpm("tpm", "vm").hostFile("f", "vm", "h", "TpmState");
            r.tag("tag", "f", "VmHostFileVO", "t");
        });
        List<PreviewNode> tree;
        try (Source source = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            tree = PreviewViewModel.tree(new dev.tpmconsole.model.plan.Planner(source, Clock.systemUTC())
                    .remove(List.of("vm")));
        }
        PreviewNode files = tree.stream().filter(s -> s.label().startsWith("delete host files")).findFirst()
                .orElseThrow();
        PreviewNode tag = files.children().stream().filter(t -> t.label().startsWith("SystemTagVO")).findFirst()
                .orElseThrow().children().get(0);
        PreviewNode owner = files.children().stream().filter(t -> t.label().startsWith("VmHostFileVO")).findFirst()
                .orElseThrow().children().get(0);
        assertThat(tag.action()).isEqualTo("delete");
        assertThat(tag.reason()).isEqualTo("system tag of VmHostFileVO f");
        String english = owner.reason();
        assertThat(english).contains("VM vm vm (vm)");
        try {
            I18n.languageProperty().set(Language.ZH_CN);
            assertThat(tag.action()).isEqualTo("删除");
            assertThat(tag.reason()).isEqualTo("VmHostFileVO f 的系统标签");
            assertThat(owner.reason()).isNotEqualTo(english).contains("云主机");
        } finally {
            I18n.languageProperty().set(Language.EN);
        }
        assertThat(owner.reason()).isEqualTo(english);
    }
}
