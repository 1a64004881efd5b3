package dev.tpmconsole.model.audit;

/** Looks up what the catalogue knows of each finding of an audit as it is reported. */
@FunctionalInterface
public interface FindingStates {

    /** Without a catalogue. */
    FindingStates UNKNOWN = f -> FindingState.UNKNOWN;

    FindingState of(Finding finding) throws Exception;
}
