package dev.refer.core.portal;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Choice;
import dev.refer.core.comms.consent.Preferences;
import dev.refer.core.comms.consent.PreferencesRepository;
import dev.refer.core.partner.PartnerId;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * A partner sets their own email preferences: a choice per topic (all, a daily digest for notifications, none) and
 * the shout-out consent. The same preferences the unsubscribe links and the admin API change; topics not named keep
 * their choice.
 */
public final class PartnerPreferences {

    private final PreferencesRepository preferences;
    private final Clock clock;

    public PartnerPreferences(PreferencesRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    public Preferences current(PartnerId partnerId) {
        return preferences.find(partnerId);
    }

    /**
     * @param topics   wire names of topics to their choice's wire name; unknown ones are refused, nothing saved
     * @param shoutOut null keeps the current consent
     */
    public Preferences change(PartnerId partnerId, Map<String, String> topics, Boolean shoutOut) {
        Preferences current = preferences.find(partnerId);
        Map<Topic, Choice> choices = new EnumMap<>(Topic.class);
        choices.putAll(current.choices());
        if (topics != null) {
            topics.forEach((topic, choice) -> {
                try {
                    choices.put(Topic.fromWire(topic), Choice.fromWire(choice));
                } catch (IllegalArgumentException e) {
                    throw Invalid.field("topics." + topic, "topics are checkin, broadcast, leads, commissions, "
                            + "payouts; choices all, digest, none");
                }
            });
        }
        Preferences changed = new Preferences(partnerId, choices, shoutOut == null ? current.shoutOut() : shoutOut);
        preferences.save(changed, clock.instant());
        return changed;
    }
}
