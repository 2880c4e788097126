package dev.refer.core.review;

import dev.refer.core.conversion.Order;
import dev.refer.core.lead.Lead;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionLedger;

/**
 * The ledger as reviewing a commission needs it: voiding an entry records, in the same write, that nothing is left of
 * it on its order or its lead, so it speaks of orders and leads too. It lives here, beside {@link ReviewCommission},
 * so the ledger itself knows neither (leads and sales write commissions; the ledger must not know them back).
 */
public interface CommissionVoids extends CommissionLedger {

    /**
     * A void, in one write: the entry marked voided (unless it was), the VOID entry (null when nothing was left to take
     * back), and the order's or the lead's record that nothing is left (compare-and-set on what was read).
     */
    record VoidWrite(Commission voided, Commission voidEntry, Order orderBefore,
                     Order orderAfter, Lead leadBefore,
                     Lead leadAfter) {
    }

    /** False, with nothing written, when the entry was voided meanwhile or its order or lead changed. */
    boolean voidEntry(VoidWrite write);
}
