package dev.refer.core.signin;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;

import java.util.Optional;

/** The partners who may sign in: found by the address they type and by the id a sign-in link names. */
public interface SignInPartners {

    Optional<Partner> byEmail(EmailAddress email);

    Optional<Partner> byId(PartnerId id);
}
