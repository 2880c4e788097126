package dev.refer.sealing;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import dev.refer.core.payoutdetails.DetailsSealer;

import javax.crypto.SecretKey;
import java.text.ParseException;

/**
 * Seals with JWE compact serialisation, {@code dir} + {@code A256GCM} (nimbus-jose-jwt): authenticated encryption
 * with the current key, the key's version as {@code kid} and the context (the partner id) in the protected header,
 * which GCM authenticates with the content: a value moved to another partner, edited, or sealed under a key no
 * longer kept does not open.
 */
public final class JweSealer implements DetailsSealer {

    static final String CONTEXT = "ctx";

    private final SealingKeys keys;

    public JweSealer(SealingKeys keys) {
        this.keys = keys;
    }

    @Override
    public String seal(String plaintext, String context) {
        SealingKeys.Version version = keys.current();
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(version.id())
                .customParam(CONTEXT, context)
                .build();
        JWEObject jwe = new JWEObject(header, new Payload(plaintext));
        try {
            jwe.encrypt(new DirectEncrypter(version.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not seal", e);
        }
        return jwe.serialize();
    }

    @Override
    public String open(String sealed, String context) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            JWEHeader header = jwe.getHeader();
            if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
                    || !context.equals(header.getCustomParam(CONTEXT))) {
                throw new IllegalStateException("sealed value is not ours or not for this context");
            }
            SecretKey key = keys.key(header.getKeyID()).orElseThrow(() -> new IllegalStateException(
                    "sealed with a key version no longer kept: " + header.getKeyID()));
            jwe.decrypt(new DirectDecrypter(key));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("sealed value does not open", e);
        }
    }
}
