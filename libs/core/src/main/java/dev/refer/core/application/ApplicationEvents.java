package dev.refer.core.application;

import dev.refer.core.events.Applicant;
import dev.refer.core.events.DomainEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * What an application's change means: its insert is the application; its move to approved is the approval (an
 * application approved automatically is inserted pending and approved right after: both are news). A second
 * submission of a pending application, or a rejection, is none.
 */
public final class ApplicationEvents {

    private ApplicationEvents() {
    }

    /** @param before null when it was inserted */
    public static List<DomainEvent> of(Application before, Application after) {
        List<DomainEvent> events = new ArrayList<>(2);
        if (before == null) {
            events.add(new DomainEvent.PartnerApplied(applicant(after)));
        }
        if (after.status() == ApplicationStatus.APPROVED && (before == null
                || before.status() != ApplicationStatus.APPROVED)) {
            events.add(new DomainEvent.PartnerApproved(applicant(after)));
        }
        return List.copyOf(events);
    }

    static Applicant applicant(Application a) {
        return new Applicant(a.id().value(), a.name(), a.email().value(), a.company(), a.website(), a.country(),
                a.channels().stream().map(Channel::wireName).toList(), a.audience(), a.reference(),
                a.status().wireName(), a.partnerId(), a.createdAt(), a.decidedAt());
    }
}
