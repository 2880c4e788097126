package dev.refer.core.comms.consent;

import dev.refer.core.comms.Topic;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;

/** Partners' mail preferences. */
public interface PreferencesRepository {

    /** The partner's preferences, the defaults when none were set. */
    Preferences find(PartnerId partnerId);

    void save(Preferences preferences, Instant at);

    /** Sets one topic to {@link Choice#NONE} (an unsubscribe link), leaving the others as they are. */
    void optOut(PartnerId partnerId, Topic topic, Instant at);
}
