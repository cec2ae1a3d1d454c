package io.leadsla.service.replay;

/** Replay cannot run: a missing file, an unreadable format. The message is for the user. */
public class ReplayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplayException(String message) {
        super(message);
    }

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
