package dev.refer.core.comms.consent;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.comms.Topic;
import dev.refer.core.partner.PartnerId;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A partner's mail preferences: a choice per topic (every topic is {@link Choice#ALL} until the partner says
 * otherwise) and whether the partner agreed to be named in the monthly shout-out (never assumed).
 */
public record Preferences(PartnerId partnerId, Map<Topic, Choice> choices, boolean shoutOut) {

    public Preferences {
        Objects.requireNonNull(partnerId, "partnerId");
        EnumMap<Topic, Choice> copy = new EnumMap<>(Topic.class);
        copy.putAll(choices);
        copy.forEach((topic, choice) -> {
            if (choice == Choice.DIGEST && !topic.isNotification()) {
                throw Invalid.field("topics." + topic.wireName(), "a daily digest is for notifications only");
            }
        });
        choices = Map.copyOf(copy);
    }

    public static Preferences defaults(PartnerId partnerId) {
        return new Preferences(partnerId, Map.of(), false);
    }

    public Choice choice(Topic topic) {
        return choices.getOrDefault(topic, Choice.ALL);
    }

    public Preferences with(Topic topic, Choice choice) {
        EnumMap<Topic, Choice> changed = new EnumMap<>(Topic.class);
        changed.putAll(choices);
        changed.put(topic, choice);
        return new Preferences(partnerId, changed, shoutOut);
    }
}
