package dev.refer.dynamodb.signin;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.signin.SignInPartners;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.Optional;

/** A partner by the address they type: its email guard ({@code PARTNER_EMAIL#{pid}#{email}}), then the partner. */
public final class DynamoDbSignInPartners implements SignInPartners {

    private final DynamoDbClient client;
    private final TableConfig table;
    private final PartnerRepository partners;

    public DynamoDbSignInPartners(DynamoDbClient client, TableConfig table, PartnerRepository partners) {
        this.client = client;
        this.table = table;
        this.partners = partners;
    }

    @Override
    public Optional<Partner> byEmail(EmailAddress email) {
        GetItemResponse guard = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.partnerEmail(table.programId(), email)));
        if (!guard.hasItem()) {
            return Optional.empty();
        }
        return partners.find(new PartnerId(Attributes.string(guard.item(), "partnerId")));
    }

    @Override
    public Optional<Partner> byId(PartnerId id) {
        return partners.find(id);
    }
}
