package dev.refer.core.comms;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.comms.consent.UnsubscribeLinks;
import dev.refer.core.comms.mailing.Deliver;
import dev.refer.core.comms.mailing.DigestCalendar;
import dev.refer.core.comms.notify.AlertSales;
import dev.refer.core.comms.notify.NotifyPartner;
import dev.refer.core.comms.notify.SendPartnerDigest;
import dev.refer.core.comms.notify.SendSalesDigest;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryComms;
import dev.refer.core.fakes.InMemoryMailLog;
import dev.refer.core.fakes.InMemoryStore;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Partner mail's use cases on in-memory ports: a program with a manager, a partner, the send log, a clock. */
public final class CommsFixture {

    public static final Instant NOV_2 = Instant.parse("2026-11-02T09:00:00Z");

    public final InMemoryStore store = new InMemoryStore();
    public final InMemoryComms comms = new InMemoryComms();
    public final InMemoryMailLog mail = new InMemoryMailLog();
    public final TestClock clock = new TestClock(NOV_2);
    public final Partner ada = Fixtures.activePartner("01JB0000000000000000000001", "ada@partner.example");
    public final UnsubscribeLinks links = new UnsubscribeLinks("https://api.example", () -> List.of(
            "a-link-secret-of-some-length"));
    public final SendOnce transactional = new SendOnce(mail, mail, clock, comms::bounced);
    public final Deliver deliver = new Deliver(mail, new SendOnce(mail, mail, clock), comms, comms, clock);
    public final DigestCalendar calendar = new DigestCalendar(ZoneOffset.UTC, clock);

    public CommsFixture() {
        Program p = Fixtures.program();
        store.programs.put(p.id(), new Program(p.id(), p.currency(), p.attributionWindowDays(), p.holdingPeriodDays(),
                p.defaultPlan(), p.allowedDestinationHosts(), p.allowedFormOrigins(), p.maxEventAgeDays(),
                new PayoutSettings(Map.of(), Locale.US, PayoutSettings.DEFAULT_TERMS,
                        new EmailAddress("manager@company.example"))));
        store.partners.put(ada.id(), ada);
    }

    public NotifyPartner notifyPartner() {
        return new NotifyPartner(Fixtures.PROGRAM, store, store, comms, comms, comms, links, deliver, transactional,
                calendar);
    }

    public AlertSales alertSales() {
        return new AlertSales(Fixtures.PROGRAM, store, store, comms, comms, transactional, calendar);
    }

    public SendPartnerDigest partnerDigest() {
        return new SendPartnerDigest(Fixtures.PROGRAM, store, store, comms, comms, links, deliver);
    }

    public SendSalesDigest salesDigest() {
        return new SendSalesDigest(Fixtures.PROGRAM, store, store, comms, comms, transactional);
    }
}
