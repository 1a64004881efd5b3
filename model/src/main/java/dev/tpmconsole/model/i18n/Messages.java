package dev.tpmconsole.model.i18n;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's texts in one language: the bundles of every module on the class path ({@link #BUNDLES}),
 * looked up in that order, each key in exactly one of them. Every value is a {@link MessageFormat} pattern in
 * the language's locale (so a quote is written {@code ''}, numbers are grouped as the locale groups them), and
 * {@link Instant} and {@link LocalDate} arguments are written as the locale writes dates.
 *
 * <p>The process has one current language ({@link #current()}): the command line sets it from {@code --lang}
 * or the desktop's locale, the window from the preferences. JSON, CSV, journals and plans never use it.
 */
public final class Messages {

    /** The bundles of the modules, core first; a module that is not on the class path is skipped. */
    public static final List<String> BUNDLES = List.of(
            "dev.tpmconsole.model.i18n.Model", "dev.tpmconsole.views.i18n.Views", "dev.tpmconsole.app.i18n.Cli");

    /** Only the named locale's file, then the base file (English): never the JVM's default locale's. */
    public static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Map<Language, Messages> LOADED = new EnumMap<>(Language.class);
    private static volatile Language current = Language.EN;

    private final Language language;
    private final List<ResourceBundle> bundles;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    /**
     * Each key's pattern, parsed once: an audit writes the sentence of each of its thousands of findings (twice when
     * the catalogue records them), and parsing the pattern was most of that. A MessageFormat is not thread-safe: each
     * is used under its own lock.
     */
    private final java.util.concurrent.ConcurrentMap<String, MessageFormat> formats =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Messages(Language language) {
        this.language = language;
        List<ResourceBundle> found = new ArrayList<>();
        for (String name : BUNDLES) {
            try {
                found.add(ResourceBundle.getBundle(name, language.locale(), Messages.class.getClassLoader(), CONTROL));
            } catch (MissingResourceException notOnClassPath) {
                // a module without texts, or one this process does not load (the model alone in its tests)
            }
        }
        this.bundles = List.copyOf(found);
        // the language's date, then the time on a 24-hour clock: the console's lists, charts and logs all write hours
        // so, and a medium date-time would write "3:30:12 PM" (or "下午3:30:12") beside them
        this.dateTime = new java.time.format.DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)).appendLiteral(' ').appendPattern("HH:mm:ss")
                .toFormatter(language.locale());
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale());
    }

    /** The texts in {@code language}, loaded once. */
    public static synchronized Messages of(Language language) {
        return LOADED.computeIfAbsent(language, Messages::new);
    }

    public static Messages english() {
        return of(Language.EN);
    }

    /** The texts in the process's current language. */
    public static Messages current() {
        return of(current);
    }

    public static Language currentLanguage() {
        return current;
    }

    /** Sets the process's language: once by a command, or when the window's preference changes. */
    public static void setCurrent(Language language) {
        current = language == null ? Language.EN : language;
    }

    /** Shorthand for {@code current().get(key, args)}. */
    public static String text(String key, Object... args) {
        return current().get(key, args);
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return language.locale();
    }

    /** Whether some bundle holds {@code key}. */
    public boolean has(String key) {
        return pattern(key) != null;
    }

    /** How many arguments the text of {@code key} uses (the highest it names, plus one); 0 for a key no bundle holds. */
    public int arguments(String key) {
        MessageFormat format = format(key);
        if (format == null) {
            return 0;
        }
        synchronized (format) {
            return format.getFormatsByArgumentIndex().length;
        }
    }

    /**
     * The text of {@code key} with its arguments; a key that no bundle holds is shown as {@code !key!} (the
     * bundle tests make sure none is).
     */
    public String get(String key, Object... args) {
        MessageFormat format = format(key);
        if (format == null) {
            return "!" + key + "!";
        }
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = shown(args[i]);
        }
        synchronized (format) {
            return format.format(shown);
        }
    }

    public String format(Message message) {
        return get(message.key(), message.args().toArray());
    }

    /** A date and time as this language writes it, in the machine's time zone. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(ZonedDateTime.ofInstant(instant, ZoneId.systemDefault()));
    }

    /** A day as this language writes it ("Dec 2, 2026", "2026年12月2日"), in the machine's time zone. */
    public String date(Instant instant) {
        return instant == null ? "" : date.format(ZonedDateTime.ofInstant(instant, ZoneId.systemDefault()));
    }

    /** A number grouped as this language groups it. */
    public String number(long n) {
        return java.text.NumberFormat.getIntegerInstance(language.locale()).format(n);
    }

    private Object shown(Object arg) {
        if (arg instanceof Message m) {
            return format(m);
        }
        if (arg instanceof Instant i) {
            return dateTime(i);
        }
        if (arg instanceof LocalDate d) {
            return date.format(d);
        }
        if (arg instanceof Localized l) {
            return format(l.message());
        }
        return arg;
    }

    /** The text of {@code key} made once (null: no bundle holds it); used under its own lock, as it is not thread-safe. */
    private MessageFormat format(String key) {
        MessageFormat made = formats.get(key);
        if (made != null) {
            return made;
        }
        String pattern = pattern(key);
        return pattern == null ? null : formats.computeIfAbsent(key, k -> new MessageFormat(pattern, language.locale()));
    }

    private String pattern(String key) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                return b.getString(key);
            }
        }
        return null;
    }

    /** Something with a name a person reads (an enum's constant, say): rendered through its message when an argument. */
    public interface Localized {
        Message message();
    }
}
