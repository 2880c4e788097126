package dev.refer.core.lead;

/**
 * A referral's progress, as the partner sees it: NEW until the sales team reviews it; QUALIFIED (a fit, may earn the
 * lead reward) or REJECTED (with a reason); CONVERTED once the first sale of the referred customer is recorded.
 */
public enum LeadStatus {
    NEW, QUALIFIED, REJECTED, CONVERTED;

    public boolean canQualify() {
        return this == NEW;
    }

    public boolean canReject() {
        return this == NEW || this == QUALIFIED;
    }

    public boolean canConvert() {
        return this == NEW || this == QUALIFIED;
    }
}
