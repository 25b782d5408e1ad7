package io.consentgate.browser.wicket;

import org.apache.wicket.Component;
import org.apache.wicket.ajax.AjaxRequestTarget;
import org.apache.wicket.ajax.markup.html.AjaxLink;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.panel.EmptyPanel;

/**
 * The checkout: placing the order replaces an empty panel with {@link ThanksPanel} by ajax (its markup carries the
 * Meta pixel, its header contribution the Google Ads tag), and sends the Google Ads conversion and the page's own
 * state change as evaluated scripts, the way a shop wires a conversion into a Wicket ajax handler. Subscribing to the
 * newsletter replaces another panel with {@link SubscribedPanel}, whose markup carries a Meta pixel too.
 */
public final class CheckoutPage extends WebPage {

    private static final long serialVersionUID = 1L;

    private Component result;
    private Component newsletter;

    public CheckoutPage() {
        add(new Label("state", "cart").setOutputMarkupId(true).setMarkupId("state"));
        result = new EmptyPanel("result").setOutputMarkupId(true).setMarkupId("result");
        add(result);
        newsletter = new EmptyPanel("newsletter").setOutputMarkupId(true).setMarkupId("newsletter");
        add(newsletter);
        add(new AjaxLink<Void>("subscribe") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick(AjaxRequestTarget target) {
                Component subscribed = new SubscribedPanel("newsletter").setOutputMarkupId(true)
                    .setMarkupId("newsletter");
                newsletter.replaceWith(subscribed);
                newsletter = subscribed;
                target.add(subscribed);
                target.appendJavaScript("document.getElementById('state').textContent = 'subscribed';");
            }
        }.setMarkupId("subscribe"));
        add(new AjaxLink<Void>("place") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick(AjaxRequestTarget target) {
                Component thanks = new ThanksPanel("result").setOutputMarkupId(true).setMarkupId("result");
                result.replaceWith(thanks);
                result = thanks;
                target.add(thanks);
                target.appendJavaScript("gtag('event', 'conversion', {'send_to': 'AW-987654321/AbC-D_efG-h12',"
                    + " 'value': 84.5, 'currency': 'EUR'});");
                target.appendJavaScript("document.getElementById('state').textContent = 'placed';");
            }
        }.setMarkupId("place"));
    }
}
