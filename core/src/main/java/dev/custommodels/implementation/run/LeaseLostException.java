package dev.custommodels.implementation.run;

/** This process no longer holds a run's lease: another process took the run over. Internal signal. */
final class LeaseLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LeaseLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
