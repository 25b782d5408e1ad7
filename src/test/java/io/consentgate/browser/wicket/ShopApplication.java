package io.consentgate.browser.wicket;

import org.apache.wicket.Page;
import org.apache.wicket.protocol.http.WebApplication;

/**
 * A small Apache Wicket shop for the browser test of Wicket ajax responses: one checkout page whose "place order"
 * link re-renders a panel by ajax. Content Security Policy is off, as on the sites that run the tags the test is
 * about (Wicket's default policy would block them before ConsentGate is asked).
 */
public final class ShopApplication extends WebApplication {

    @Override
    public Class<? extends Page> getHomePage() {
        return CheckoutPage.class;
    }

    @Override
    protected void init() {
        super.init();
        getCspSettings().blocking().disabled();
    }
}
