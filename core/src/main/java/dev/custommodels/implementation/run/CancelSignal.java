package dev.custommodels.implementation.run;

/** The host cancelled the run while a phase was working; unwinds the phase. Internal signal. */
final class CancelSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CancelSignal() {
        super("The run was cancelled.", null, false, false);
    }
}
