package dev.refer.core.signin;

/** Ends a session: its cookie, though still signed, no longer signs anyone in. */
public final class SignOut {

    private final Sessions sessions;

    public SignOut(Sessions sessions) {
        this.sessions = sessions;
    }

    public void signOut(String sessionId) {
        if (Secrets.wellFormed(sessionId)) {
            sessions.delete(sessionId);
        }
    }
}
