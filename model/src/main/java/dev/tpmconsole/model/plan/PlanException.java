package dev.tpmconsole.model.plan;

/** A plan that cannot be made as asked (an unknown VM, no VM named); nothing was written. */
public class PlanException extends Exception {
    public PlanException(String message) {
        super(message);
    }
}
