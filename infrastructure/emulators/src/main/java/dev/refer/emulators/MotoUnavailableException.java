package dev.refer.emulators;

/** The moto server cannot be started here: Python 3 or the moto package is missing, or it never answered. */
public final class MotoUnavailableException extends RuntimeException {

    public static final String HOW_TO_FIX = "install Python 3 and `pip install \"moto[server]\"`";

    MotoUnavailableException(String problem) {
        super(problem + ": " + HOW_TO_FIX);
    }

    MotoUnavailableException(String problem, Throwable cause) {
        super(problem + ": " + HOW_TO_FIX, cause);
    }
}
