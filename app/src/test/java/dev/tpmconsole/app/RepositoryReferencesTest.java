package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contracts belong to the repository: no file may send its reader to a path outside it (the shared design
 * folder that once lay beside the checkout), every mention of a contract names it under {@code docs/}, and every
 * relative link of a Markdown file leads to a file of the repository.
 */
class RepositoryReferencesTest {

    /** The checkout: the parent of this module's folder (surefire runs in the module). */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    static final Set<String> TEXT = Set.of("java", "md", "xml", "sh", "sql", "properties", "css", "fxml", "txt",
            "json", "yml", "yaml", "conf", "cfg", "desktop", "html");

    /** Paths outside the repository, and the contracts by names that live nowhere in it. */
    static final List<Pattern> OUTSIDE = List.of(
            Pattern.compile("\\.\\./(\\.\\./)*shared\\b"),
            Pattern.compile("(?<![\\w.-])shared/(design|zstack)\\b"),
            Pattern.compile("(?<![\\w/.-])design/[\\w-]+\\.md"),
            Pattern.compile("(?<![\\w-])tpm-model\\.md"),
            Pattern.compile("(?<![\\w-])architecture\\.md"));

    /** A contract named without its folder: outside docs/ it must read docs/NAME.md. */
    static final Pattern BARE_CONTRACT = Pattern.compile("(?<![\\w/.-])(audit-rules|cleanup|hosts|catalogue)\\.md");

    static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void noFileReferencesAPathOutsideTheRepository() throws IOException {
        assertThat(ROOT.resolve("docs/decisions")).as("the checkout's root").isDirectory();
        List<String> problems = new ArrayList<>();
        for (Path file : textFiles()) {
            String rel = ROOT.relativize(file).toString().replace('\\', '/');
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String where = rel + ":" + (i + 1) + ": ";
                for (Pattern p : OUTSIDE) {
                    Matcher m = p.matcher(lines[i]);
                    if (m.find()) {
                        problems.add(where + m.group());
                    }
                }
                Matcher bare = BARE_CONTRACT.matcher(lines[i]);
                if (!rel.startsWith("docs/") && bare.find()) {
                    problems.add(where + bare.group() + " (write docs/" + bare.group(1) + ".md)");
                }
                if (rel.endsWith(".md")) {
                    Matcher link = MARKDOWN_LINK.matcher(lines[i]);
                    while (link.find()) {
                        String target = link.group(1);
                        if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                            continue;
                        }
                        Path resolved = file.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                        if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                            problems.add(where + "link " + target);
                        }
                    }
                }
            }
        }
        assertThat(problems).as("references to paths outside the repository, or to no file").isEmpty();
    }

    @Test
    void theGuardSeesWhatItGuardsAgainst() {
        // each kind of reference this test exists for is caught (else the test above could pass for nothing)
        for (String line : List.of("see ../shared/design/cleanup.md", "in ../../shared/zstack", "(design/hosts.md)",
                "R6 of tpm-model.md", "the format of architecture.md")) {
            assertThat(OUTSIDE.stream().anyMatch(p -> p.matcher(line).find())).as(line).isTrue();
        }
        assertThat(OUTSIDE.stream().anyMatch(p -> p.matcher("docs/zstack-tpm-model.md, docs/hosts.md").find()))
                .isFalse();
        assertThat(BARE_CONTRACT.matcher("the rules of audit-rules.md").find()).isTrue();
        assertThat(BARE_CONTRACT.matcher("the rules of docs/audit-rules.md").find()).isFalse();
    }

    /**
     * Every text file of the checkout but build output, this test and the catalogue's released Flyway migrations
     * (their text is checksummed in every catalogue they made, so they are never edited).
     */
    static List<Path> textFiles() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> {
                        Path rel = ROOT.relativize(f);
                        for (Path part : rel) {
                            String s = part.toString();
                            if (s.equals(".git") || s.equals("target") || s.equals("node_modules")) {
                                return false;
                            }
                        }
                        String name = f.getFileName().toString();
                        int dot = name.lastIndexOf('.');
                        String ext = dot < 0 ? "" : name.substring(dot + 1);
                        return (TEXT.contains(ext) || rel.startsWith(".ci"))
                                && !name.equals(RepositoryReferencesTest.class.getSimpleName() + ".java")
                                && !rel.toString().replace('\\', '/').matches(".*/catalogue/migration/V\\d+__.*\\.sql");
                    })
                    .sorted()
                    .toList();
        }
    }
}
