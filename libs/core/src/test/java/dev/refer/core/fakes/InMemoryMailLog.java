package dev.refer.core.fakes;

import dev.refer.core.mail.Letter;
import dev.refer.core.mail.MailLog;
import dev.refer.core.mail.Mailer;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The send log in memory (a claim is a condition, as the adapter's), and a mailer that keeps what it sent. */
public final class InMemoryMailLog implements MailLog, Mailer {

    public final Map<String, Entry> log = new LinkedHashMap<>();
    public final List<Letter> sent = new ArrayList<>();

    @Override
    public Optional<Entry> claim(String key, String kind, PartnerId partnerId, String to, Instant at) {
        Entry before = log.get(key);
        if (before != null) {
            return Optional.of(before);
        }
        log.put(key, new Entry(key, kind, partnerId, to, State.SENDING, null, at, null));
        return Optional.empty();
    }

    @Override
    public void sent(String key, String messageId, Instant at) {
        Entry e = log.get(key);
        log.put(key, new Entry(key, e.kind(), e.partnerId(), e.to(), State.SENT, messageId, e.claimedAt(), at));
    }

    @Override
    public Optional<Entry> skip(String key, String kind, PartnerId partnerId, String to, String reason, Instant at) {
        Entry before = log.get(key);
        if (before != null) {
            return Optional.of(before);
        }
        log.put(key, new Entry(key, kind, partnerId, to, State.SKIPPED, reason, at, at));
        return Optional.empty();
    }

    @Override
    public void release(String key) {
        log.remove(key);
    }

    @Override
    public Optional<Entry> find(String key) {
        return Optional.ofNullable(log.get(key));
    }

    @Override
    public String send(Letter letter) {
        sent.add(letter);
        return "message-" + sent.size();
    }
}
