package dev.refer.core.attribution;

import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;

import java.util.Map;
import java.util.Objects;

/**
 * Who gets the credit, and by which path. {@code code}, {@code clickId} and {@code campaign} are kept when known, so
 * reports can break results down by link and sub-id; a lead's attribution keeps its click or code when a sale goes
 * through the lead. {@code subIds} are the click's recorded sub-id values (empty unless the evidence is a click, or a
 * lead that came by one), so leads and sales are counted per sub-id as clicks are.
 */
public record Attribution(PartnerId partnerId, Path path, LinkCode code, ClickId clickId, String campaign,
                          Map<String, String> subIds) {

    /** The evidence that tied the lead or conversion to the partner. */
    public enum Path {
        /** The order a refund refers to. */
        ORDER,
        /** A known billing customer the partner brought earlier (renewals, later sales). */
        CUSTOMER,
        /** A lead the partner referred, matched by email (its own click or code is kept). */
        LEAD,
        /** The click id ({@code rid}) of a click within the attribution window. */
        CLICK,
        /** A link code ({@code ref}) of an enabled link. */
        CODE,
        /** An approved deal registration of the email's domain, within its life. */
        DEAL,
        /** A promotion code tied to the partner's referral code, which the buyer paid with at checkout. */
        COUPON
    }

    public Attribution {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(path, "path");
        subIds = subIds == null || subIds.isEmpty() ? Map.of() : subIds;
    }

    /** Without sub-ids. */
    public Attribution(PartnerId partnerId, Path path, LinkCode code, ClickId clickId, String campaign) {
        this(partnerId, path, code, clickId, campaign, Map.of());
    }

    public Attribution via(Path newPath) {
        return new Attribution(partnerId, newPath, code, clickId, campaign, subIds);
    }
}
