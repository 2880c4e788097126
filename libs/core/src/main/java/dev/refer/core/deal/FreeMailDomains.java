package dev.refer.core.deal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Domains of free email services, which name no company: registering {@code gmail.com} would claim every prospect
 * with a Gmail address. They cannot be registered, and a lead or sale on one is never looked up for a registration
 * (which saves the read on most consumer sign-ups). The list names the large providers; families with many country
 * domains ({@code hotmail.*}, {@code yahoo.*}, {@code gmx.*}, {@code yandex.*}, ...) match by their first label.
 */
public final class FreeMailDomains {

    /** Exact domains. */
    static final Set<String> DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "live.com", "msn.com", "icloud.com", "me.com", "mac.com",
            "aol.com", "proton.me", "protonmail.com", "pm.me", "web.de", "mail.ru", "inbox.ru", "list.ru", "bk.ru",
            "qq.com", "163.com", "126.com", "yeah.net", "sina.com", "zoho.com", "zohomail.com", "tutanota.com",
            "tuta.io", "fastmail.com", "hey.com", "mail.com", "email.com", "t-online.de", "freenet.de", "orange.fr",
            "wanadoo.fr", "free.fr", "laposte.net", "libero.it", "virgilio.it", "seznam.cz", "wp.pl", "o2.pl",
            "interia.pl", "naver.com", "daum.net", "rediffmail.com", "rocketmail.com", "ymail.com", "hushmail.com",
            "mailbox.org", "posteo.de", "gmx.com", "gmx.de", "gmx.net");

    /** First labels of provider families that use many country domains ({@code hotmail.co.uk}, {@code yahoo.fr}). */
    static final List<String> FAMILIES = List.of("hotmail.", "yahoo.", "gmx.", "yandex.", "outlook.", "live.");

    /**
     * What may follow a family's label: a country or generic top-level domain, possibly under a second level
     * ({@code fr}, {@code com}, {@code co.uk}, {@code com.br}); so {@code live.acme.example}, a company's subdomain,
     * is not taken for the provider.
     */
    private static final Pattern SUFFIX = Pattern.compile(
            "^(?:(?:co|com|net|org|ne|or)\\.)?[a-z]{2,3}$");

    private FreeMailDomains() {
    }

    /** Whether {@code domain} (normalised, lower case) belongs to a free email service. */
    public static boolean isFreeMail(String domain) {
        if (domain == null) {
            return false;
        }
        if (DOMAINS.contains(domain)) {
            return true;
        }
        for (String family : FAMILIES) {
            if (domain.startsWith(family) && SUFFIX.matcher(domain.substring(family.length())).matches()) {
                return true;
            }
        }
        return false;
    }
}
