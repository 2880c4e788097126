package dev.refer.admin;

import java.util.List;

/**
 * The admin API's request bodies, read by Jackson with the functions' strict settings: a field that is not listed
 * here is refused (a misspelt {@code saleRatebps} must not pass silently), numbers are whole numbers, strings are
 * strings. Rules beyond the types are checked when the commands are built.
 */
final class AdminBodies {

    private AdminBodies() {
    }

    /** {@code PUT /admin/program}. */
    record ProgramBody(String currency, Long attributionWindowDays, Long holdingPeriodDays, PlanBody plan,
                       List<String> allowedDestinationHosts, List<String> allowedFormOrigins, Long maxEventAgeDays,
                       PayoutsBody payouts, Long maxLinksPerPartner) {
    }

    /**
     * How the program pays: {@code minimum} per currency in minor units (e.g. {@code {"EUR": 5000}}), the statements'
     * {@code locale} (e.g. {@code de-DE}), the {@code terms} each statement states, and the {@code managerEmail} that
     * gets each run's summary.
     */
    record PayoutsBody(java.util.Map<String, Long> minimum, String locale, String terms, String managerEmail) {
    }

    /**
     * A commission plan: {@code saleRateBps} or {@code saleFlatMinor}, optional {@code renewalRateBps} /
     * {@code renewalFlatMinor}, optional {@code leadRewardMinor}; flat amounts are in the program's currency.
     */
    record PlanBody(Long saleRateBps, Long saleFlatMinor, Long renewalRateBps, Long renewalFlatMinor,
                    Long leadRewardMinor) {
    }

    /** {@code POST /admin/partners}. */
    record NewPartnerBody(String name, String email, String company, String status, PlanBody plan) {
    }

    /** {@code PATCH /admin/partners/{partnerId}}. */
    record PartnerChangeBody(String status) {
    }

    /** {@code POST /admin/partners/{partnerId}/links}. */
    record NewLinkBody(String code, String destination, String campaign) {
    }

    /** {@code PATCH /admin/links/{code}}. */
    record LinkChangeBody(Boolean enabled) {
    }

    /** {@code POST /admin/leads/{leadId}/qualify} and {@code /reject}: an optional reason. */
    record ReviewBody(String reason) {
    }

    /** {@code POST /admin/payouts/{payoutId}/paid}: the transfer's reference. */
    record PayoutPaidBody(String reference) {
    }

    /** {@code POST /admin/payouts/{payoutId}/failed} and {@code .../void}: why. */
    record ReasonBody(String reason) {
    }

    /** {@code POST /admin/payout-runs}: the month to pay. */
    record PayoutRunBody(String period) {
    }

    /** {@code PUT /admin/communications}: partner-mail settings; {@code note} is for one month's check-ins. */
    record CommsBody(String programName, String idealCustomer, String valueProposition, List<String> differentiators,
                     List<String> onboardingSteps, List<ResourceBody> resources, NoteBody note, Long topPartners,
                     String salesEmail, Long notificationsPerDay) {
    }

    record ResourceBody(String title, String url) {
    }

    record NoteBody(String month, String text) {
    }

    /** {@code PUT /admin/partners/{partnerId}/preferences}: per topic {@code all}, {@code digest} or {@code none}. */
    record PreferencesBody(java.util.Map<String, String> topics, Boolean shoutOut) {
    }

    /** {@code POST /admin/broadcasts}. */
    record BroadcastBody(String subject, String body, String audience) {
    }

    /** {@code POST /admin/checkin-runs}: the month, by default the one that ended. */
    record CheckinRunBody(String month) {
    }

    /** {@code POST /admin/terms}. */
    record TermsBody(String version, String text) {
    }

    /** {@code POST /admin/applications/{applicationId}/reject}. */
    record RejectionBody(String reason) {
    }

    /** {@code POST /admin/invitations}. */
    record InvitationBody(String name, String email, String company, PlanBody plan) {
    }

    /** {@code PUT /admin/onboarding}. */
    record OnboardingBody(Boolean autoApprove, String firstLinkDestination) {
    }
}
