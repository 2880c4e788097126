package dev.refer.core.fakes;

import dev.refer.core.application.Application;
import dev.refer.core.application.ApplicationBook;
import dev.refer.core.application.ApplicationId;
import dev.refer.core.application.ApplicationStatus;
import dev.refer.core.application.OnboardingMail;
import dev.refer.core.application.OnboardingSettings;
import dev.refer.core.application.PartnerEmails;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applications in memory, one per email as the adapter keeps them; the partners' emails read from the store; the
 * onboarding mail recorded as the queue would carry it ({@code received:{id}}, {@code decided:{id}},
 * {@code invited:{partnerId}}).
 */
public final class InMemoryApplications implements ApplicationBook, PartnerEmails, OnboardingMail {

    public final Map<ApplicationId, Application> applications = new LinkedHashMap<>();
    public final List<String> mail = new ArrayList<>();
    public OnboardingSettings settings = OnboardingSettings.DEFAULTS;
    private final InMemoryStore store;

    public InMemoryApplications(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public synchronized Submitted submit(Application application) {
        Application existing = applications.values().stream()
                .filter(a -> a.email().equals(application.email())).findFirst().orElse(null);
        if (existing == null) {
            applications.put(application.id(), application);
            return new Submitted.Created(application);
        }
        if (existing.status() != ApplicationStatus.PENDING) {
            return new Submitted.Decided(existing);
        }
        Application updated = new Application(existing.id(), application.name(), existing.email(),
                application.company(), application.website(), application.country(), application.channels(),
                application.audience(), application.reference(), application.termsVersion(), application.ip(),
                application.userAgent(), ApplicationStatus.PENDING, null, null, existing.createdAt(),
                application.submittedAt(), null);
        applications.put(existing.id(), updated);
        return new Submitted.Updated(updated);
    }

    @Override
    public synchronized Optional<Application> find(ApplicationId id) {
        return Optional.ofNullable(applications.get(id));
    }

    @Override
    public synchronized Page<Application> list(ApplicationStatus status, PageRequest page) {
        List<Application> matching = new ArrayList<>(applications.values().stream()
                .filter(a -> a.status() == status).toList());
        matching.sort(Comparator.comparing(Application::submittedAt).reversed());
        return new Page<>(matching.subList(0, Math.min(page.limit(), matching.size())), null);
    }

    @Override
    public synchronized boolean decide(Application decided) {
        Application now = applications.get(decided.id());
        if (now == null || now.status() != ApplicationStatus.PENDING) {
            return false;
        }
        applications.put(decided.id(), decided);
        return true;
    }

    @Override
    public OnboardingSettings settings() {
        return settings;
    }

    @Override
    public void save(OnboardingSettings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<PartnerId> partnerOf(EmailAddress email) {
        return store.partners.values().stream().filter(p -> p.email().equals(email)).map(Partner::id).findFirst();
    }

    @Override
    public synchronized void received(ApplicationId id) {
        mail.add("received:" + id.value());
    }

    @Override
    public synchronized void decided(ApplicationId id) {
        mail.add("decided:" + id.value());
    }

    @Override
    public synchronized void invited(PartnerId partnerId) {
        mail.add("invited:" + partnerId.value());
    }
}
