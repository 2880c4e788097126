package dev.refer.core.application;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One person's application to the program (one per email and program). Everything from {@code name} to
 * {@code reference} is what the public form said, validated for shape only. {@code termsVersion} is the version of
 * the terms the applicant accepted ({@code null} when none was published), with the evidence of that acceptance
 * ({@code submittedAt}, {@code ip}, {@code userAgent}); an approval records it as the partner's acceptance.
 *
 * @param createdAt   the first submission
 * @param submittedAt the latest (a second submission of a pending application replaces its answers)
 * @param reason      the manager's reason, when rejected
 * @param partnerId   the partner an approval made (the application's own id)
 */
public record Application(ApplicationId id, String name, EmailAddress email, String company, String website,
                          String country, List<Channel> channels, String audience, String reference,
                          String termsVersion, String ip, String userAgent, ApplicationStatus status, String reason,
                          PartnerId partnerId, Instant createdAt, Instant submittedAt, Instant decidedAt) {

    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(country, "country");
        channels = List.copyOf(channels);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    /** The partner an approval makes: the application's id, so a second approval finds it. */
    public PartnerId partnerIdToBe() {
        return new PartnerId(id.value());
    }

    public Application approved(Instant at) {
        return new Application(id, name, email, company, website, country, channels, audience, reference,
                termsVersion, ip, userAgent, ApplicationStatus.APPROVED, null, partnerIdToBe(), createdAt,
                submittedAt, at);
    }

    public Application rejected(String why, Instant at) {
        return new Application(id, name, email, company, website, country, channels, audience, reference,
                termsVersion, ip, userAgent, ApplicationStatus.REJECTED, why, null, createdAt, submittedAt, at);
    }
}
