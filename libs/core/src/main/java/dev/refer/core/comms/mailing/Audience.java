package dev.refer.core.comms.mailing;

import dev.refer.core.basics.page.Page;
import dev.refer.core.partner.PartnerId;

/**
 * Who a campaign writes to, page by page: active partners (check-ins, broadcasts; later one tier) or the partners
 * with a day's digest of a topic. Read from an index (a Query), never a Scan.
 */
public interface Audience {

    int PAGE = 100;

    /** @param cursor null for the first page */
    Page<PartnerId> page(Campaign campaign, String cursor);
}
