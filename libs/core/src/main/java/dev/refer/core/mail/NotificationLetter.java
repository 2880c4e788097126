package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.Topic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A partner hears that something of theirs happened: one event when it happens, or a topic's events of a day as a
 * daily digest ({@code digestDay} set).
 *
 * @param topic the topic's wire name ({@code leads}, {@code commissions}, {@code payouts}): the letter names it, the
 *              partner's preferences are comms' business
 */
public record NotificationLetter(EmailAddress to, Locale locale, String programName, String partnerName, String topic,
                                 List<Event> events, LocalDate digestDay, String unsubscribeUrl) implements Letter {

    public enum What {
        LEAD_NEW, LEAD_QUALIFIED, LEAD_REJECTED, LEAD_CONVERTED, COMMISSION_EARNED, PAYOUT_SENT
    }

    /**
     * @param about  who or what it is about (a lead's name or company, an order id, a payout's period)
     * @param amount the money involved, if any
     * @param detail the rule of a commission, a rejection's reason, a payout's reference
     */
    public record Event(What what, Instant at, String about, Money amount, String detail) {
    }

    public NotificationLetter {
        events = List.copyOf(events);
    }

    @Override
    public String kind() {
        return digestDay == null ? "notification" : "digest";
    }
}
