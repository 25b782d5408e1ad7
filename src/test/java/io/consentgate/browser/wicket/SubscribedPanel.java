package io.consentgate.browser.wicket;

import org.apache.wicket.markup.html.panel.Panel;

/** The newsletter confirmation: a lead pixel in its markup, nothing in the page head. */
public final class SubscribedPanel extends Panel {

    private static final long serialVersionUID = 1L;

    public SubscribedPanel(String id) {
        super(id);
    }
}
