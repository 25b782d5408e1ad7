// A stand-in for jsf.js: the button sends a Faces ajax request and applies the partial response's updates,
// inserting each update's HTML into the element of its id, as Faces does.
document.getElementById('transfer').addEventListener('click', function () {
  fetch('/partial.xml', {headers: {'Faces-Request': 'partial/ajax'}})
    .then(function (r) { return r.text(); })
    .then(function (text) {
      var xml = new DOMParser().parseFromString(text, 'text/xml');
      var updates = xml.getElementsByTagName('update');
      for (var i = 0; i < updates.length; i++) {
        var target = document.getElementById(updates[i].getAttribute('id'));
        if (target) {
          target.outerHTML = updates[i].textContent;
        }
      }
      document.getElementById('state').textContent = 'updated ' + updates.length;
    });
});
