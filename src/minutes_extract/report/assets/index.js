(function () {
  "use strict";
  var table = document.getElementById("index");
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;

  function key(row, col, numeric) {
    var text = row.cells[col].textContent;
    if (text === "") return null;
    return numeric ? Number(text) : text.toLowerCase();
  }

  Array.prototype.forEach.call(heads, function (th, col) {
    th.querySelector("button").addEventListener("click", function () {
      var numeric = th.getAttribute("data-type") === "number";
      var order = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      var sign = order === "ascending" ? 1 : -1;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, col, numeric), y = key(b, col, numeric);
        if (x === null || y === null) return (x === null) - (y === null);  // blanks last either way
        return x < y ? -sign : x > y ? sign : 0;
      });
      Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", order);
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
