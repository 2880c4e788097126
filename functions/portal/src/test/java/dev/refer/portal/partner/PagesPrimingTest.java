package dev.refer.portal.partner;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** The SnapStart warm-up renders every page body, JSON and QR code without a table or a network. */
class PagesPrimingTest {

    @Test
    void warmUp_rendersEveryPageWithoutIo() {
        assertDoesNotThrow(PagesPriming::warmUp);
    }
}
