package dev.tpmconsole.model.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the bundle tests of every module check about one bundle: both languages hold the same keys, every value
 * is a valid pattern with the same arguments in both, the Chinese is not the English left untranslated, no key
 * is in two bundles, and the code uses every key (as a string literal in its sources, or among the keys it
 * builds from names, which the test passes by calling the code that builds them).
 */
public final class BundleAudit {

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[a-z]{3,}\\b");

    private BundleAudit() {
    }

    /** The problems found, one line each; empty when the bundle is sound. */
    public static List<String> problems(String baseName, Collection<String> builtKeys, Path... sourceRoots) {
        Properties en = load(baseName, "");
        Properties zh = load(baseName, "_zh_CN");
        List<String> problems = new ArrayList<>();
        if (en == null || zh == null) {
            problems.add(baseName + ": both " + baseName + ".properties and its _zh_CN file must exist");
            return problems;
        }
        for (String suffix : new String[] {"", "_zh_CN"}) {
            for (String key : written(baseName, suffix)) {
                problems.add(key + ": written twice in " + baseName + suffix + ".properties");
            }
        }
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            if (!zh.containsKey(key)) {
                problems.add(key + ": no Chinese text");
            }
        }
        for (String key : new TreeSet<>(zh.stringPropertyNames())) {
            if (!en.containsKey(key)) {
                problems.add(key + ": Chinese text without an English one");
            }
        }
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String e = en.getProperty(key);
            String z = zh.getProperty(key);
            if (z == null) {
                continue;
            }
            try {
                if (!arguments(e).equals(arguments(z))) {
                    problems.add(key + ": arguments " + arguments(e) + " in English, " + arguments(z) + " in Chinese");
                }
            } catch (IllegalArgumentException bad) {
                problems.add(key + ": not a valid MessageFormat pattern: " + bad.getMessage());
            }
            if (z.equals(e) && ENGLISH_WORD.matcher(e.replaceAll("\\{[^}]*}", "")).find()) {
                problems.add(key + ": the Chinese text is the English one");
            }
        }
        for (String other : Messages.BUNDLES) {
            Properties o = other.equals(baseName) ? null : load(other, "");
            if (o != null) {
                for (String key : en.stringPropertyNames()) {
                    if (o.containsKey(key)) {
                        problems.add(key + ": also in " + other);
                    }
                }
            }
        }
        Set<String> used = new TreeSet<>(builtKeys);
        for (Path root : sourceRoots) {
            used.addAll(literals(root));
        }
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            if (!used.contains(key)) {
                problems.add(key + ": no code uses it");
            }
        }
        for (String key : builtKeys) {
            if (!en.containsKey(key) && !inAnyBundle(key)) {
                problems.add(key + ": built by the code but in no bundle");
            }
        }
        return problems;
    }

    /** Every string literal in the Java sources under {@code root}. */
    public static Set<String> literals(Path root) {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The bundle's keys, in English. */
    public static Set<String> keys(String baseName) {
        Properties en = load(baseName, "");
        return en == null ? Set.of() : new TreeSet<>(en.stringPropertyNames());
    }

    /** The keys written more than once in the file (a merge of two sessions' blocks can do that; the last wins). */
    private static Set<String> written(String baseName, String suffix) {
        String resource = "/" + baseName.replace('.', '/') + suffix + ".properties";
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        try (InputStream in = BundleAudit.class.getResourceAsStream(resource)) {
            if (in == null) {
                return twice;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) {
                    continue;
                }
                String key = l.split("\\s*[=:]", 2)[0].strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return twice;
    }

    private static boolean inAnyBundle(String key) {
        for (String b : Messages.BUNDLES) {
            Properties p = load(b, "");
            if (p != null && p.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Integer> arguments(String pattern) {
        MessageFormat f = new MessageFormat(pattern);
        Set<Integer> out = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(f.toPattern());
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    static Properties load(String baseName, String suffix) {
        String resource = "/" + baseName.replace('.', '/') + suffix + ".properties";
        try (InputStream in = BundleAudit.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
