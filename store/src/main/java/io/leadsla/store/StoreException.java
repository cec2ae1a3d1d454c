package io.leadsla.store;

/** The store refused or failed a transaction (a value it cannot hold, a lost connection); nothing of it was kept. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
