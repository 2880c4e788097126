package dev.refer.core.application;

import dev.refer.core.basics.validation.Invalid;

import java.util.Locale;

/** How an applicant will promote the product: what the manager vets, and what the first links are named for. */
public enum Channel {
    NEWSLETTER("Newsletter or email list"),
    BLOG("Blog or website"),
    SOCIAL("Social media"),
    VIDEO("Video (YouTube and the like)"),
    PODCAST("Podcast"),
    COMMUNITY("Community or forum"),
    EVENTS("Events, talks or trainings"),
    CONSULTING("Consulting or client work"),
    ADS("Paid advertising"),
    OTHER("Something else");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWire(String value) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(value)) {
                return channel;
            }
        }
        throw Invalid.field("channels", "must be among newsletter, blog, social, video, podcast, community, events,"
                + " consulting, ads, other");
    }
}
