package dev.refer.core.application;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;

import java.util.Optional;

/** The program's applications, one per email, and its onboarding settings. */
public interface ApplicationBook {

    /** What became of a submission. */
    sealed interface Submitted {
        /** A new application, stored. */
        record Created(Application application) implements Submitted {
        }

        /** The email's pending application, its answers replaced (same id, same first submission). */
        record Updated(Application application) implements Submitted {
        }

        /** The email's application was decided already: nothing changed. */
        record Decided(Application existing) implements Submitted {
        }
    }

    /**
     * Stores a submission: a new application when the email has none (a uniqueness guard per email, written with
     * it), else the pending one updated in place (a condition that it is still pending), never a second one.
     */
    Submitted submit(Application application);

    Optional<Application> find(ApplicationId id);

    /** One status's applications, the latest submitted first. */
    Page<Application> list(ApplicationStatus status, PageRequest page);

    /** Stores a decision; false (nothing changed) when the application is not pending any more. */
    boolean decide(Application decided);

    OnboardingSettings settings();

    void save(OnboardingSettings settings);
}
