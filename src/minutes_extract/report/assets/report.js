(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var panel = document.getElementById("panel");
  var doc = document.getElementById("doc");
  var filter = document.getElementById("filter");
  var sel = document.getElementById("sel");
  var current = null;
  var first = panel.querySelector("#sec-actions li[data-r]") || panel.querySelector("li[data-r]");  // where j starts
  var currentKind = first ? data.records[first.getAttribute("data-r")].kind : "actions";
  var flashing = [];

  function marks(id) { return doc.querySelectorAll('mark[data-r~="' + id + '"]'); }
  function listItem(id) { return panel.querySelector('li[data-r="' + id + '"]'); }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function show(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.map(show).join(value.length && typeof value[0] === "object" ? "\n" : ", ");
    if (typeof value === "object") {
      return Object.keys(value).map(function (k) { return k + ": " + show(value[k]); }).join(", ");
    }
    return String(value);
  }

  function describe(ids) {
    sel.textContent = "";
    ids.forEach(function (id) {
      var r = data.records[id];
      if (!r) return;
      var dl = el("dl");
      function row(key, value) {
        var text = show(value);
        if (text === "") return;
        dl.appendChild(el("dt", key));
        dl.appendChild(el("dd", text));
      }
      sel.appendChild(el("h3", data.kinds[id.charAt(0)] + " " + id.slice(1)));
      Object.keys(r.fields).forEach(function (k) { row(k, r.fields[k]); });
      row("rule", r.rule);
      row("span", r.span.join("–"));
      row("line", r.line);
      row("page", r.page);
      sel.appendChild(dl);
    });
    sel.hidden = !sel.firstChild;
  }

  function reveal(li) {  // scrolls the panel alone (scrollIntoView would scroll the page too)
    var box = panel.getBoundingClientRect();
    var top = li.getBoundingClientRect().top - box.top;
    var bar = panel.querySelector(".top").offsetHeight + 8;
    var visible = Math.min(box.bottom, window.innerHeight) - box.top;
    if (top < bar) panel.scrollTop += top - bar;
    else if (top + li.offsetHeight > visible) panel.scrollTop += top + li.offsetHeight - visible + 8;
  }

  function select(id, scroll, shown) {
    var r = data.records[id];
    if (!r) return;
    panel.querySelectorAll("li.cur").forEach(function (li) { li.classList.remove("cur"); });
    doc.querySelectorAll("mark.sel").forEach(function (m) { m.classList.remove("sel"); });
    flashing.forEach(function (m) { m.classList.remove("flash"); });
    current = id;
    currentKind = r.kind;
    var found = marks(id);
    found.forEach(function (m) { m.classList.add("sel"); });
    describe(shown || [id]);
    var li = listItem(id);
    if (li) {
      li.classList.add("cur");
      reveal(li);
    }
    if (scroll) {
      var target = found[0] || document.getElementById("r-" + id);
      if (target) target.scrollIntoView({block: "center"});
      void doc.offsetWidth;
      found.forEach(function (m) { m.classList.add("flash"); });
      flashing = Array.prototype.slice.call(found);
    }
  }

  function step(delta) {
    var items = Array.prototype.filter.call(
      panel.querySelectorAll('#sec-' + currentKind + ' li[data-r]'),
      function (li) { return !li.classList.contains("off"); });
    if (!items.length) return;
    var at = items.findIndex(function (li) { return li.getAttribute("data-r") === current; });
    var next = at < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + delta));
    select(items[next].getAttribute("data-r"), true);
  }

  panel.addEventListener("click", function (event) {
    var li = event.target.closest("li[data-r]");
    if (!li) return;
    event.preventDefault();
    select(li.getAttribute("data-r"), true);
  });

  doc.addEventListener("click", function (event) {
    var ids = [];  // the marks clicked, innermost first: records, then the item around them
    for (var m = event.target.closest("mark[data-r]"); m; m = m.parentElement.closest("mark[data-r]")) {
      ids = ids.concat(m.getAttribute("data-r").split(" "));
    }
    if (ids.length) select(ids[0], false, ids);
  });

  document.addEventListener("keydown", function (event) {
    if (event.target === filter || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "j") step(1);
    else if (event.key === "k") step(-1);
    else return;
    event.preventDefault();
  });

  filter.addEventListener("input", function () {
    var q = filter.value.trim().toLowerCase();
    panel.querySelectorAll(".sec").forEach(function (sec) {
      var shown = 0;
      sec.querySelectorAll("li").forEach(function (li) {
        var hide = q !== "" && li.textContent.toLowerCase().indexOf(q) < 0;
        li.classList.toggle("off", hide);
        if (!hide) shown += 1;
      });
      sec.querySelector(".n").textContent = q ? shown + " of " + sec.querySelectorAll("li").length : String(shown);
    });
  });

  filter.hidden = false;
  document.documentElement.classList.add("js");
})();
