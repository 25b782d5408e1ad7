/*
 * A miniature of a React Server Components client runtime, for the flight-payload fixture page: it joins the
 * strings pushed to self.__next_f, splits them into rows (ID:JSON newline, ID:I[...] imports, ID:T<hex length>,text),
 * walks the element tree of row 0 and, like next/script and tag components do at hydration, injects the scripts the
 * tree asks for. A missing row or a text row whose byte length is wrong fails the hydration, as it does in React.
 */
(function () {
  var state = document.getElementById('state');
  var decoder = new TextDecoder();

  function readRows(bytes) {
    var rows = {};
    var i = 0;
    while (i < bytes.length) {
      var colon = bytes.indexOf(58, i);
      if (colon < 0) {
        throw new Error('row without id at byte ' + i);
      }
      var id = decoder.decode(bytes.subarray(i, colon));
      if (bytes[colon + 1] === 84) {
        var comma = bytes.indexOf(44, colon);
        var length = parseInt(decoder.decode(bytes.subarray(colon + 2, comma)), 16);
        rows[id] = { text: decoder.decode(bytes.subarray(comma + 1, comma + 1 + length)) };
        i = comma + 1 + length;
      } else {
        var newline = bytes.indexOf(10, colon);
        var body = decoder.decode(bytes.subarray(colon + 1, newline));
        rows[id] = body.charAt(0) === 'I' ? { module: JSON.parse(body.substring(1)) } : { model: JSON.parse(body) };
        i = newline + 1;
      }
    }
    return rows;
  }

  function row(rows, id) {
    if (!rows[id]) {
      throw new Error('Connection closed: row ' + id + ' never arrived');
    }
    return rows[id];
  }

  function inject(src, text) {
    var s = document.createElement('script');
    if (src) {
      s.src = src;
    } else {
      s.text = text;
    }
    document.body.appendChild(s);
  }

  function render(node, rows) {
    if (!Array.isArray(node)) {
      return;
    }
    if (node[0] !== '$') {
      node.forEach(function (child) { render(child, rows); });
      return;
    }
    var type = node[1];
    var props = node[3] || {};
    if (type.indexOf('$L') === 0) {
      var name = row(rows, type.substring(2)).module[2];
      if (name === 'GoogleTagManager') {
        inject('https://www.googletagmanager.com/gtm.js?id=' + props.gtmId);
      } else if (name === '' && props.src) {
        inject(props.src);
      } else if (name === '' && typeof props.children === 'string' && props.children.charAt(0) === '$') {
        inject(null, row(rows, props.children.substring(1)).text);
      } else if (name === 'Counter') {
        var button = document.getElementById('inc');
        var count = props.start;
        button.addEventListener('click', function () {
          count++;
          button.textContent = 'count ' + count;
        });
      }
      return;
    }
    render(props.children, rows);
  }

  try {
    var text = (self.__next_f || []).filter(function (c) { return c[0] === 1; })
      .map(function (c) { return c[1]; }).join('');
    var rows = readRows(new TextEncoder().encode(text));
    render(row(rows, '0').model, rows);
    state.textContent = 'hydrated';
  } catch (e) {
    state.textContent = 'broken: ' + e.message;
    throw e;
  }
})();
