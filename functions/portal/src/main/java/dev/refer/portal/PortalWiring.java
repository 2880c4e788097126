package dev.refer.portal;

import java.util.List;
import java.util.Map;

/** Builds the portal's object graph once per execution environment: each route family is registered here. */
public record PortalWiring(List<PublicRoutes> publicRoutes, List<PartnerRoutes> partnerRoutes) {

    static PortalWiring create(Map<String, String> env) {
        return new PortalWiring(List.of(), dev.refer.portal.partner.PartnerPortal.routes(env));
    }
}
