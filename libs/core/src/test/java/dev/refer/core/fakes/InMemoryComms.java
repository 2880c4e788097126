package dev.refer.core.fakes;

import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Choice;
import dev.refer.core.comms.consent.Preferences;
import dev.refer.core.comms.consent.PreferencesRepository;
import dev.refer.core.comms.consent.Suppression;
import dev.refer.core.comms.consent.SuppressionList;
import dev.refer.core.comms.notify.DigestBook;
import dev.refer.core.comms.notify.Notification;
import dev.refer.core.comms.notify.SalesAlert;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The comms ports in memory, with the adapters' semantics (a bounce is never downgraded, a key admitted once is
 * admitted again, filing twice keeps one, the send log's claim is a condition), so the flood, digest and consent
 * rules run as millisecond unit tests ({@link InMemoryMailLog} keeps the send log and what was sent).
 */
public final class InMemoryComms implements PreferencesRepository, SuppressionList, DigestBook,
        CommsSettingsRepository {

    public final Map<PartnerId, Preferences> preferences = new HashMap<>();
    public final Map<String, Suppression> suppressions = new HashMap<>();
    public CommsSettings settings = CommsSettings.DEFAULTS;
    public final Map<String, Map<String, Notification>> digests = new LinkedHashMap<>();
    private final Map<String, Set<String>> admitted = new HashMap<>();
    public final Map<LocalDate, Map<String, SalesAlert>> held = new LinkedHashMap<>();

    // preferences

    @Override
    public Preferences find(PartnerId partnerId) {
        return preferences.getOrDefault(partnerId, Preferences.defaults(partnerId));
    }

    @Override
    public void save(Preferences preferences, Instant at) {
        this.preferences.put(preferences.partnerId(), preferences);
    }

    @Override
    public void optOut(PartnerId partnerId, Topic topic, Instant at) {
        preferences.put(partnerId, find(partnerId).with(topic, Choice.NONE));
    }

    // suppression list

    @Override
    public Optional<Suppression> find(String address) {
        return Optional.ofNullable(suppressions.get(address));
    }

    @Override
    public void record(Suppression suppression) {
        Suppression before = suppressions.get(suppression.address());
        if (before == null || before.reason() != Suppression.Reason.BOUNCE) {
            suppressions.put(suppression.address(), suppression);
        }
    }

    // digests

    @Override
    public void add(PartnerId partnerId, LocalDate day, Notification notification) {
        digests.computeIfAbsent(partnerId.value() + "#" + day + "#" + notification.topic().wireName(),
                k -> new LinkedHashMap<>()).putIfAbsent(notification.key(), notification);
    }

    @Override
    public List<NotificationLetter.Event> events(PartnerId partnerId, LocalDate day, Topic topic) {
        return digests.getOrDefault(partnerId.value() + "#" + day + "#" + topic.wireName(), Map.of()).values()
                .stream().map(Notification::event).toList();
    }

    @Override
    public boolean admitNow(PartnerId partnerId, LocalDate day, String stream, String key, int perDay) {
        Set<String> keys = admitted.computeIfAbsent(partnerId.value() + "#" + day + "#" + stream,
                k -> new HashSet<>());
        if (keys.contains(key)) {
            return true;
        }
        if (keys.size() >= perDay) {
            return false;
        }
        keys.add(key);
        return true;
    }

    @Override
    public void hold(LocalDate day, SalesAlert alert) {
        held.computeIfAbsent(day, d -> new LinkedHashMap<>()).putIfAbsent(alert.leadId(), alert);
    }

    @Override
    public Held held(LocalDate day, int max) {
        List<SalesAlert> all = List.copyOf(held.getOrDefault(day, Map.of()).values());
        return new Held(all.subList(0, Math.min(max, all.size())), all.size());
    }

    // settings

    @Override
    public CommsSettings find() {
        return settings;
    }

    @Override
    public void save(CommsSettings settings) {
        this.settings = settings;
    }
}
