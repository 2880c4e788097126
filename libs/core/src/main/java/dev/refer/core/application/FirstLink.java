package dev.refer.core.application;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.link.CreateLink;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.Program;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * A new partner's first link (an approved application, an invitation), made with {@link CreateLink} like any other.
 * Its code is derived from the partner id, so making it again (a retried approval) finds the link instead of adding
 * a second one; in the unlikely case the code belongs to another partner, a generated code is used. It sends to the
 * onboarding settings' destination, else the program's first allowed form origin (its site), else its first allowed
 * destination host.
 */
public final class FirstLink {

    public sealed interface Result {
        record Made(Link link) implements Result {
        }

        /** The program names no destination a link may send to (or the one set is not allowed). */
        record NoDestination() implements Result {
        }

        record ProgramNotConfigured() implements Result {
        }
    }

    private static final String BASE32 = "abcdefghijkmnpqrstuvwxyz23456789";

    private final CreateLink createLink;
    private final LinkRepository links;

    public FirstLink(CreateLink createLink, LinkRepository links) {
        this.createLink = createLink;
        this.links = links;
    }

    public Result makeFor(PartnerId partnerId, Program program, OnboardingSettings settings) {
        LinkCode code = code(partnerId);
        Optional<Link> existing = links.find(code);
        if (existing.isPresent() && existing.get().partnerId().equals(partnerId)) {
            return new Result.Made(existing.get());
        }
        String destination = destination(program, settings);
        if (destination == null) {
            return new Result.NoDestination();
        }
        try {
            CreateLink.Result result = createLink.create(new CreateLink.Command(partnerId,
                    existing.isPresent() ? null : code.value(), destination, null));
            if (result instanceof CreateLink.Result.CodeTaken) {
                result = createLink.create(new CreateLink.Command(partnerId, null, destination, null));
            }
            return switch (result) {
                case CreateLink.Result.Created created -> new Result.Made(created.link());
                case CreateLink.Result.ProgramNotConfigured ignored -> new Result.ProgramNotConfigured();
                case CreateLink.Result.PartnerNotFound ignored ->
                        throw new IllegalStateException("the partner of a first link is gone");
                case CreateLink.Result.CodeTaken ignored ->
                        throw new IllegalStateException("a generated code was taken");
            };
        } catch (Invalid e) {
            return new Result.NoDestination(); // the destination set is outside the allowed hosts
        }
    }

    /** Ten letters and digits of the partner id's SHA-256: stable, and telling nothing of the id. */
    static LinkCode code(PartnerId partnerId) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(partnerId.value().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(BASE32.charAt((hash[i] & 0xff) % BASE32.length()));
        }
        return new LinkCode(code.toString());
    }

    /** Where a new partner's links send when nothing else is said; null when the program names nowhere. */
    public static String destination(Program program, OnboardingSettings settings) {
        if (settings.firstLinkDestination() != null) {
            return settings.firstLinkDestination();
        }
        if (!program.allowedFormOrigins().isEmpty()) {
            return program.allowedFormOrigins().getFirst() + "/";
        }
        if (!program.allowedDestinationHosts().isEmpty()) {
            return "https://" + program.allowedDestinationHosts().getFirst().toLowerCase(Locale.ROOT) + "/";
        }
        return null;
    }
}
