package io.consentgate.browser.wicket;

import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.head.JavaScriptHeaderItem;
import org.apache.wicket.markup.html.panel.Panel;

/** The "thank you" panel: a conversion pixel in its markup, the Google Ads tag contributed to the page head. */
public final class ThanksPanel extends Panel {

    private static final long serialVersionUID = 1L;

    public ThanksPanel(String id) {
        super(id);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        response.render(JavaScriptHeaderItem.forUrl("https://www.googletagmanager.com/gtag/js?id=AW-987654321",
            "google-ads-tag"));
    }
}
