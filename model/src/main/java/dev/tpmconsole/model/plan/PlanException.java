package dev.tpmconsole.model.plan;

import dev.tpmconsole.model.i18n.LocalizedCheckedException;
import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;

/**
 * A plan that cannot be made as asked (an unknown VM, no VM named); nothing was written. The message is English
 * ({@link #getMessage()}) or the current language ({@link #getLocalizedMessage()}).
 */
public class PlanException extends LocalizedCheckedException {

    public PlanException(Message message) {
        super(message);
    }

    /** A message with no translation. */
    public PlanException(String message) {
        this(LocalizedException.verbatim(message));
    }
}
