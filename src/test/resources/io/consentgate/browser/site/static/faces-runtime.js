// A stand-in for the PrimeFaces core and jQuery a JSF view loads before its merged inline script: widget
// constructors register themselves, and ready callbacks run once the document is parsed.
(function (w, d) {
  var ready = [];
  w.$ = function (fn) { if (d.readyState === 'loading') { ready.push(fn); } else { fn(); } };
  d.addEventListener('DOMContentLoaded', function () { ready.forEach(function (fn) { fn(); }); });
  w.PrimeFaces = {
    settings: {},
    widgets: [],
    cw: function (type, name, cfg) {
      w.PrimeFaces.widgets.push(type + ':' + cfg.id);
      var el = d.getElementById('state');
      el.textContent = 'widgets ' + w.PrimeFaces.widgets.length + ', locale ' + w.PrimeFaces.settings.locale;
    }
  };
})(window, document);
