package dev.refer.core.application;

import dev.refer.core.basics.validation.Invalid;

import java.net.URI;

/**
 * How the program takes new partners in: whether applications are approved without a review, and where a new
 * partner's first link sends (null: the program's first allowed form origin, else its first allowed destination host;
 * either way within the program's allowed destination hosts).
 */
public record OnboardingSettings(boolean autoApprove, String firstLinkDestination) {

    public static final OnboardingSettings DEFAULTS = new OnboardingSettings(false, null);

    public OnboardingSettings {
        if (firstLinkDestination != null && firstLinkDestination.isBlank()) {
            firstLinkDestination = null;
        }
        if (firstLinkDestination != null) {
            firstLinkDestination = firstLinkDestination.strip();
            try {
                URI uri = URI.create(firstLinkDestination);
                if (!uri.isAbsolute() || uri.getHost() == null) {
                    throw Invalid.field("firstLinkDestination", "must be an absolute http or https URL");
                }
            } catch (IllegalArgumentException e) {
                throw Invalid.field("firstLinkDestination", "must be an absolute http or https URL");
            }
        }
    }
}
