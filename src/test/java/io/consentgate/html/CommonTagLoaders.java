package io.consentgate.html;

/**
 * The common tags' loaders as the shape tests write them: the same hosts, globals and calls as the vendors' base
 * codes, in this project's own code. Constants, so that a {@code @ValueSource} can join them with the calls a page
 * adds after them.
 */
final class CommonTagLoaders {

    /** The Meta pixel's queue stub and its {@code fbevents.js}; a page's {@code fbq('init', …)} calls follow. */
    static final String META_PIXEL = "<script>\n(function (win, src) {\n  if (win.fbq) { return; }\n"
        + "  var pending = [];\n  var stub = function () { pending.push(arguments); };\n"
        + "  stub.queue = pending; stub.version = '2.0'; win.fbq = win._fbq = stub;\n"
        + "  var el = document.createElement('script'); el.async = true; el.src = src;\n"
        + "  document.head.appendChild(el);\n})(window, 'https://connect.facebook.net/en_US/fbevents.js');";

    /** A Google Tag Manager container's loader up to its id; the id and {@code ');\n</script>} follow. */
    static final String GTM_BEFORE_ID = "<script>\n(function (win, doc, layerName, containerId) {\n"
        + "  win[layerName] = win[layerName] || [];\n"
        + "  win[layerName].push({ 'gtm.start': Date.now(), event: 'gtm.js' });\n"
        + "  var el = doc.createElement('script'); el.async = true;\n"
        + "  el.src = 'https://www.googletagmanager.com/gtm.js?id=' + containerId;\n"
        + "  doc.head.appendChild(el);\n})(window, document, 'dataLayer', '";

    private CommonTagLoaders() {
    }
}
