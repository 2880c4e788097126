package dev.refer.portal.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.signin.Session;

import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * The session cookie's value: a JWT (HS256, nimbus-jose-jwt) naming the session and its partner, signed with the
 * current {@link SessionKeys} key ({@code kid} = the secret's version). A token verifies only with HS256 and a known
 * kid's key, our issuer, and before its expiry; anything else (another algorithm, "none", a tampered payload, an
 * unknown key) names no session. The signature only says the portal issued it: the session item decides whether it
 * is still live.
 */
public final class SessionTokens {

    static final String ISSUER = "refer-portal";
    static final String SESSION_CLAIM = "sid";
    /** A cookie value longer than this is not ours: refused before parsing. */
    static final int MAX_LENGTH = 2048;

    /** What a verified token names. */
    public record Claims(String sessionId, PartnerId partnerId) {
    }

    private final SessionKeys keys;
    private final Clock clock;

    public SessionTokens(SessionKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public String issue(Session session) {
        SessionKeys.Loaded loaded = keys.keys();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(session.partnerId().value())
                .claim(SESSION_CLAIM, session.id())
                .issueTime(Date.from(session.createdAt()))
                .expirationTime(Date.from(session.expiresAt()))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(loaded.currentKid()).build(),
                claims);
        try {
            jwt.sign(new MACSigner(loaded.keys().get(loaded.currentKid())));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a session token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    public Optional<Claims> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            byte[] key = keys.keys().keys().get(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            Object sessionId = claims.getClaim(SESSION_CLAIM);
            if (!ISSUER.equals(claims.getIssuer()) || expiry == null || !clock.instant().isBefore(expiry.toInstant())
                    || !(sessionId instanceof String id) || claims.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(new Claims(id, new PartnerId(claims.getSubject())));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty(); // not a token of ours, whatever is wrong with it
        }
    }
}
