package dev.refer.core.portal;

import dev.refer.core.comms.CommsSettings;

/**
 * Ready-made texts a partner can paste: an email to a contact and a social post, written from the program's own words
 * (its name, value proposition and ideal customer) around the partner's short link. The words are the program
 * manager's; whoever shows them escapes them.
 */
public final class ShareKit {

    /** A social post stays within the shortest common limit (280 characters) with the link in it. */
    public static final int SOCIAL_MAX = 280;

    public record Texts(String emailSubject, String emailBody, String socialPost) {
    }

    private ShareKit() {
    }

    public static Texts texts(CommsSettings settings, String shortUrl) {
        String program = settings.programName() == null ? "this product" : settings.programName();
        String value = settings.valueProposition();
        String ideal = settings.idealCustomer();
        StringBuilder body = new StringBuilder("Hi,\n\nI wanted to recommend ").append(program).append('.');
        if (value != null) {
            body.append("\n\n").append(value);
        }
        if (ideal != null) {
            body.append("\n\nIt is a good fit for: ").append(ideal);
        }
        body.append("\n\nHave a look: ").append(shortUrl).append("\n\nBest regards");
        String subject = "A recommendation: " + program;
        String post = socialPost(program, value, shortUrl);
        return new Texts(subject, body.toString(), post);
    }

    private static String socialPost(String program, String value, String shortUrl) {
        String lead = "I recommend " + program;
        String link = " " + shortUrl;
        if (value != null) {
            String withValue = lead + ": " + value;
            if (withValue.length() + link.length() <= SOCIAL_MAX) {
                return withValue + link;
            }
            int room = SOCIAL_MAX - link.length() - lead.length() - 3;
            if (room > 20) {
                int cut = room - 1;
                if (Character.isHighSurrogate(value.charAt(cut - 1))) {
                    cut--; // never half a character
                }
                return lead + ": " + value.substring(0, cut).strip() + "…" + link;
            }
        }
        String post = lead + "." + link;
        return post.length() <= SOCIAL_MAX ? post : shortUrl;
    }
}
