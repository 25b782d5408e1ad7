// A minimal stand-in for a consent manager's library, written for these tests (no vendor code): it offers the
// documented shape of one, CookieConsent.run(config) and CookieConsent.acceptedCategory(name). run() fills the
// page's banner from the configuration, shows it, and on "Accept all" hides it and calls config.onConsent.
(function () {
  var accepted = [];
  window.CookieConsent = {
    run: function (config) {
      var texts = config.language.translations[config.language.default].consentModal;
      var banner = document.getElementById('cc-banner');
      var accept = banner.querySelector('[data-cc="accept-all"]');
      banner.querySelector('h2').textContent = texts.title;
      accept.textContent = texts.acceptAllBtn;
      accept.addEventListener('click', function () {
        accepted = Object.keys(config.categories);
        banner.hidden = true;
        config.onConsent({ cookie: { categories: accepted } });
      });
      banner.hidden = false;
    },
    acceptedCategory: function (name) {
      return accepted.indexOf(name) >= 0;
    }
  };
})();
