package dev.tpmconsole.model.i18n;

import java.util.Locale;

/**
 * The languages the console speaks to a person: English (the default) and Simplified Chinese. What a machine
 * reads (JSON, CSV, rule ids, exit codes, journals, plans) never changes with the language.
 */
public enum Language implements Messages.Localized {
    EN("en", Locale.US),
    ZH_CN("zh_CN", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** As {@code --lang} and the preferences write it: {@code en}, {@code zh_CN}. */
    public String tag() {
        return tag;
    }

    /** The locale whose bundles, numbers and dates this language uses. */
    public Locale locale() {
        return locale;
    }

    /** The language's name in the language being read: "Simplified Chinese" in English, "简体中文" in Chinese. */
    @Override
    public Message message() {
        return Message.of("language.name." + tag);
    }

    /** The language's own name, as a person choosing it would look for it: "English", "简体中文". */
    public String nativeName() {
        return this == EN ? "English" : "简体中文";
    }

    /**
     * A tag as a person types it ({@code en}, {@code zh_CN}, {@code zh-CN}, {@code zh}, any case), or
     * {@link IllegalArgumentException} naming the languages there are.
     */
    public static Language of(String tag) {
        String t = tag == null ? "" : tag.strip().replace('-', '_').toLowerCase(Locale.ROOT);
        switch (t) {
            case "en", "en_us", "en_gb", "english" -> {
                return EN;
            }
            case "zh", "zh_cn", "zh_hans", "zh_hans_cn", "chinese" -> {
                return ZH_CN;
            }
            default -> throw new IllegalArgumentException("Unknown language '" + tag + "': use en or zh_CN");
        }
    }

    /** The language for a desktop's locale: Chinese for any Chinese locale, English otherwise. */
    public static Language forLocale(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH_CN : EN;
    }

    /**
     * The desktop's language: {@code LC_ALL}, {@code LC_MESSAGES} or {@code LANG} as the C library reads them
     * (the first that is set and not empty), else the JVM's default locale.
     */
    public static Language ofDesktop() {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return value.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH_CN : EN;
            }
        }
        return forLocale(Locale.getDefault());
    }
}
