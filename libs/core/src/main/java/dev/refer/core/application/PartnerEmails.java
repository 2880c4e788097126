package dev.refer.core.application;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.partner.PartnerId;

import java.util.Optional;

/** Which partner holds an email address (the partners' uniqueness guard): one GetItem. */
public interface PartnerEmails {

    Optional<PartnerId> partnerOf(EmailAddress email);
}
