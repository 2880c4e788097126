package dev.refer.core.comms.broadcast;

import dev.refer.core.basics.validation.Invalid;

import java.time.Instant;
import java.util.Objects;

/**
 * The program manager's announcement to partners. {@code audience} is {@code all} (active partners); tiers, when
 * they come, add {@code tier:{id}}.
 */
public record Broadcast(String id, String subject, String body, String audience, Status status, Instant createdAt,
                        Instant sentAt) {

    public enum Status {
        /** Created, its preview sent to the program manager. */
        DRAFT,
        /** Sending to partners (or sent: the run's counts say how far it is). */
        SENDING
    }

    public static final String ALL = "all";

    public Broadcast {
        Objects.requireNonNull(id, "id");
        if (subject == null || subject.isBlank()) {
            throw Invalid.field("subject", "is required");
        }
        if (subject.strip().length() > 150 || subject.contains("\n") || subject.contains("\r")) {
            throw Invalid.field("subject", "must be one line of at most 150 characters");
        }
        subject = subject.strip();
        if (body == null || body.isBlank()) {
            throw Invalid.field("body", "is required");
        }
        if (body.length() > 20_000) {
            throw Invalid.field("body", "must be at most 20000 characters");
        }
        audience = audience == null ? ALL : audience;
        if (!ALL.equals(audience)) {
            throw Invalid.field("audience", "must be \"all\" (partner tiers are not there yet)");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
