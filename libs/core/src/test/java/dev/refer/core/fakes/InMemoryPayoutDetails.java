package dev.refer.core.fakes;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.payoutdetails.DetailsSealer;
import dev.refer.core.payoutdetails.PayoutDetails;
import dev.refer.core.payoutdetails.PayoutDetailsBook;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Payout details in memory, sealed like the adapter seals them (with a reversible stand-in sealer). */
public final class InMemoryPayoutDetails implements PayoutDetailsBook {

    /** Reverses the text: enough to show that what is kept is not the plain text. */
    public static final DetailsSealer REVERSING = new DetailsSealer() {
        @Override
        public String seal(String plaintext, String context) {
            return new StringBuilder(plaintext).reverse() + "|" + context;
        }

        @Override
        public String open(String sealed, String context) {
            if (!sealed.endsWith("|" + context)) {
                throw new IllegalStateException("sealed for another context");
            }
            return new StringBuilder(sealed.substring(0, sealed.lastIndexOf('|'))).reverse().toString();
        }
    };

    private record Row(String sealed, long version, Instant at) {
    }

    public final Map<PartnerId, String> sealed = new HashMap<>();
    private final Map<PartnerId, Row> rows = new HashMap<>();

    @Override
    public synchronized Optional<Stored> find(PartnerId partnerId) {
        Row row = rows.get(partnerId);
        return row == null ? Optional.empty() : Optional.of(new Stored(
                PayoutDetails.decode(REVERSING.open(row.sealed(), partnerId.value())), row.version(), row.at()));
    }

    @Override
    public synchronized Optional<Stored> save(PartnerId partnerId, PayoutDetails details, long expectedVersion,
                                              Instant at) {
        Row row = rows.get(partnerId);
        if ((row == null ? 0 : row.version()) != expectedVersion) {
            return Optional.empty();
        }
        String seal = REVERSING.seal(details.encode(), partnerId.value());
        rows.put(partnerId, new Row(seal, expectedVersion + 1, at));
        sealed.put(partnerId, seal);
        return Optional.of(new Stored(details, expectedVersion + 1, at));
    }

    @Override
    public synchronized Map<PartnerId, PayoutDetails> findAll(Collection<PartnerId> partnerIds) {
        Map<PartnerId, PayoutDetails> found = new HashMap<>();
        for (PartnerId id : partnerIds) {
            find(id).ifPresent(stored -> found.put(id, stored.details()));
        }
        return found;
    }
}
