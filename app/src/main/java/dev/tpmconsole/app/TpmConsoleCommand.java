package dev.tpmconsole.app;

import dev.tpmconsole.app.commands.AckCommand;
import dev.tpmconsole.app.commands.ApplyCommand;
import dev.tpmconsole.app.commands.AuditCommand;
import dev.tpmconsole.app.commands.CloudsCommand;
import dev.tpmconsole.app.commands.DemoCommand;
import dev.tpmconsole.app.commands.GuiCommand;
import dev.tpmconsole.app.commands.HostsCommand;
import dev.tpmconsole.app.commands.HistoryCommand;
import dev.tpmconsole.app.commands.ImportCommand;
import dev.tpmconsole.app.commands.InfoCommand;
import dev.tpmconsole.app.commands.PlanCommand;
import dev.tpmconsole.app.commands.RepairCommand;
import dev.tpmconsole.app.commands.RunsCommand;
import dev.tpmconsole.app.commands.UndoCommand;
import dev.tpmconsole.app.commands.LanguageOption;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Messages;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command: {@code tpm-console [COMMAND]}. Its help, and every command's, is in the resource bundle
 * {@value #HELP_BUNDLE} ({@code CliHelp.properties}, {@code CliHelp_zh_CN.properties}), in the language of
 * {@code --lang} or the desktop's.
 */
@Command(name = "tpm-console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
public final class TpmConsoleCommand implements Runnable {

    /** The commands' help texts, picocli's keys. */
    public static final String HELP_BUNDLE = "dev.tpmconsole.app.i18n.CliHelp";

    /**
     * The commands, in the order the help lists them. A command line made for given arguments holds only the command
     * they name (picocli reads every command's annotations when it is added: a third of a second for all of them),
     * or all of them when the arguments name none (the overall help, an unknown command, {@code help}).
     */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("gui", GuiCommand::new);
        m.put("info", InfoCommand::new);
        m.put("audit", AuditCommand::new);
        m.put("plan", PlanCommand::new);
        m.put("apply", ApplyCommand::new);
        m.put("undo", UndoCommand::new);
        m.put("repair", RepairCommand::new);
        m.put("hosts", HostsCommand::new);
        m.put("import", ImportCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("ack", AckCommand::new);
        m.put("history", HistoryCommand::new);
        m.put("runs", RunsCommand::new);
        m.put("clouds", CloudsCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The command {@code args} run: the first argument that is not the top-level {@code --lang} (or its value), if
     * it names one of {@link #COMMANDS} other than {@code help}; else null (every command is needed).
     */
    static String commandNamed(String... args) {
        for (int i = 0; args != null && i < args.length; i++) {
            String a = args[i];
            if ("--lang".equals(a)) {
                i++;
                continue;
            }
            if (a.startsWith("--lang=")) {
                continue;
            }
            return COMMANDS.containsKey(a) && !"help".equals(a) ? a : null;
        }
        return null;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.command.missing"));
    }

    /** The command line printing to the process's stdout and stderr, in the desktop's language. */
    public static CommandLine commandLine() {
        return commandLine(Language.ofDesktop());
    }

    /**
     * The command line printing to the process's stdout and stderr, for a command in {@code language}: in the
     * terminal's encoding, or in UTF-8 when that cannot write Chinese and the language is Chinese (LANG=C gives
     * US-ASCII, which would print every character as '?'). Given {@code args}, it holds only the command they run
     * (see {@link #COMMANDS}); without, all of them.
     */
    public static CommandLine commandLine(Language language, String... args) {
        return commandLine(stdout(language), stderr(language), args);
    }

    private static java.io.Writer stdout(Language language) {
        return new java.io.OutputStreamWriter(System.out, charset("sun.stdout.encoding", language));
    }

    private static java.io.Writer stderr(Language language) {
        return new java.io.OutputStreamWriter(System.err, charset("sun.stderr.encoding", language));
    }

    /** The encoding Java gave the stream (the terminal's), as picocli itself picks it; UTF-8 where that cannot write the language. */
    static Charset charset(String property, Language language) {
        String name = System.getProperty(property);
        Charset charset;
        try {
            charset = name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException unknown) {
            charset = Charset.defaultCharset();
        }
        if (language == Language.ZH_CN && !canWriteChinese(charset)) {
            return StandardCharsets.UTF_8;
        }
        return charset;
    }

    static boolean canWriteChinese(Charset charset) {
        return charset.canEncode() && charset.newEncoder().canEncode("\u4e91\u4e3b\u673a\uff1a");
    }

    /** The help texts in {@code language}: only that language's file, then the English one (never the JVM's locale's). */
    public static ResourceBundle helpBundle(Language language) {
        return ResourceBundle.getBundle(HELP_BUNDLE, language.locale(), TpmConsoleCommand.class.getClassLoader(),
                Messages.CONTROL);
    }

    /**
     * The language of {@code --lang X} or {@code --lang=X} among {@code args} (up to a {@code --}), or null when
     * none is given or it names no language (picocli then says so, as the usage error it is).
     */
    public static Language languageGiven(String... args) {
        Language found = null;
        for (int i = 0; args != null && i < args.length; i++) {
            String a = args[i];
            String value = null;
            if ("--".equals(a)) {
                break;
            } else if ("--lang".equals(a) && i + 1 < args.length) {
                value = args[++i];
            } else if (a != null && a.startsWith("--lang=")) {
                value = a.substring("--lang=".length());
            }
            if (value != null) {
                try {
                    found = Language.of(value);
                } catch (IllegalArgumentException notALanguage) {
                    return null;
                }
            }
        }
        return found;
    }

    /** The language a command given {@code args} speaks: its {@code --lang}, else the desktop's. */
    public static Language language(String... args) {
        Language given = languageGiven(args);
        return given != null ? given : Language.ofDesktop();
    }

    /**
     * The command line printing to {@code out} and {@code err} through {@link SafeOutput}: what came from a
     * database is shown, never acted on by a terminal. A failure is one line on {@code err} and exit 1. Every
     * command takes {@code --lang}; {@link CommandLine#execute} reads it (else the desktop's language) before
     * anything is parsed or printed, makes it the process's language while the command runs, and gives picocli
     * the help texts in it. Given {@code args}, it holds only the command they run; without, all of them.
     */
    public static CommandLine commandLine(java.io.Writer out, java.io.Writer err, String... args) {
        return commandLine(new TpmConsoleCommand(), commandNamed(args), out, err);
    }

    /**
     * The window of a start with no arguments or only {@code --lang} ({@code args}), run as the {@code gui} command
     * runs it but without picocli's model of its command line (some 70 ms of the start, before JavaFX could start):
     * such arguments hold nothing for picocli to parse and cannot be a usage error. In the language they name (else
     * the desktop's), which is the process's while the window runs; a failure is one line on stderr and exit 1.
     */
    public static int window(String... args) {
        return speaking(args, language -> {
            java.io.PrintWriter err = SafeOutput.wrap(stderr(language));
            try {
                return dev.tpmconsole.app.commands.GuiCommand.alone(err);
            } catch (InterruptedException | RuntimeException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return failed(err, e);
            }
        });
    }

    /**
     * Runs {@code command} in the language {@code args} name (else the desktop's): the process's language while it
     * runs, and the one a window started by it speaks ({@link CommandLineLanguage}).
     */
    private static int speaking(String[] args, java.util.function.ToIntFunction<Language> command) {
        Language previous = Messages.currentLanguage();
        Language language = language(args);
        Messages.setCurrent(language);
        CommandLineLanguage.set(languageGiven(args));
        try {
            return command.applyAsInt(language);
        } finally {
            Messages.setCurrent(previous);
        }
    }

    /** A command's failure: one line on {@code err}, exit status 1. */
    private static int failed(java.io.PrintWriter err, Exception e) {
        err.println("tpm-console: " + Failures.oneLine(e));
        err.flush();
        return 1;
    }

    /** {@code command} with, when it is the top level, the command named {@code only} or (null) all of them. */
    private static CommandLine commandLine(Object command, String only, java.io.Writer out, java.io.Writer err) {
        CommandLine cli = new CommandLine(command) {
            @Override
            public int execute(String... args) {
                return speaking(args, language -> {
                    setResourceBundle(helpBundle(language));
                    return super.execute(args);
                });
            }
        };
        if (command instanceof TpmConsoleCommand) {
            COMMANDS.forEach((name, make) -> {
                if (only == null || only.equals(name)) {
                    cli.addSubcommand(name, make.get());
                }
            });
        }
        addLanguageOption(cli);
        cli.setResourceBundle(helpBundle(Messages.currentLanguage()));
        cli.setOut(SafeOutput.wrap(out));
        cli.setErr(SafeOutput.wrap(err));
        CommandLine.IParameterExceptionHandler picocliDefault = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((ex, args) -> Messages.currentLanguage() == Language.EN
                ? picocliDefault.handleParseException(ex, args) : usageError(ex));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(commandLine.getErr(), ex));
        return cli;
    }

    /**
     * A usage error in a language other than English: picocli's own messages (a missing parameter, an unknown
     * option) in that language, then what picocli prints after them (its suggestions, or the command's help, in
     * that language too); exit 2.
     */
    private static int usageError(CommandLine.ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        String message = ex.getMessage();
        if (ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            message = Messages.text("cli.usage.missing", String.join(", ", missing.getMissing().stream()
                    .map(a -> "'" + (a instanceof CommandLine.Model.OptionSpec o ? o.longestName() + "=" + a.paramLabel()
                            : a.paramLabel()) + "'").toList()));
        } else if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            message = Messages.text("cli.usage.unmatched", String.join(", ", unmatched.getUnmatched().stream()
                    .map(a -> "'" + a + "'").toList()));
        }
        err.println(cmd.getColorScheme().errorText(message));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            cmd.usage(err, cmd.getColorScheme());
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** {@code --lang} on this command and every subcommand. */
    private static void addLanguageOption(CommandLine cli) {
        if (cli.getCommandSpec().findOption("--lang") == null) {
            cli.addMixin("lang", new LanguageOption());
        }
        cli.getSubcommands().values().stream().distinct().forEach(TpmConsoleCommand::addLanguageOption);
    }
}
