package dev.tpmconsole.model.pipeline;

import java.util.List;

/** A run refused before any change (a stale plan, a plan this console cannot apply); nothing was written. */
public class RefusedException extends Exception {

    private final List<String> problems;

    public RefusedException(String message, List<String> problems) {
        super(message + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
