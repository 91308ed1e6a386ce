/* The catalogue table: filter by status, party and text, sort by any column.
 *
 * Ours, no library. The state lives in the address (?status=&party=&text=&sort=&order=; not `q`,
 * which Material reads to open its search),
 * so a filtered, sorted view can be bookmarked and shared. Values are read from data
 * attributes the generator wrote (HTML-escaped); nothing here writes HTML, only text.
 */
(function () {
  "use strict";

  var KEYS = ["status", "party", "text", "sort", "order"];
  var NUMBER = /^-?\d+(\.\d+)?$/;

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    KEYS.forEach(function (key) { state[key] = params.get(key) || ""; });
    return state;
  }

  function writeState(state) {
    var params = new URLSearchParams(window.location.search);
    KEYS.forEach(function (key) {
      if (state[key]) { params.set(key, state[key]); } else { params.delete(key); }
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", address);
  }

  function compare(a, b, lang) {
    if (a === b) { return 0; }
    if (a === "") { return 1; }  /* no value: always last */
    if (b === "") { return -1; }
    if (NUMBER.test(a) && NUMBER.test(b)) { return parseFloat(a) - parseFloat(b); }
    return a.localeCompare(b, lang);
  }

  function matches(row, state) {
    if (state.status && row.getAttribute("data-state") !== state.status) { return false; }
    if (state.party) {
      var parties = JSON.parse(row.getAttribute("data-parties") || "[]");
      if (parties.indexOf(state.party) < 0) { return false; }
    }
    var text = row.getAttribute("data-text") || "";
    return state.text.toLowerCase().split(/\s+/).every(function (word) {
      return word === "" || text.indexOf(word) >= 0;
    });
  }

  function setup(root) {
    var form = root.querySelector("[data-sg-filters]");
    var table = root.querySelector("table");
    if (!form || !table || !table.tBodies.length) { return; }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var count = form.querySelector(".sg-count");
    var lang = document.documentElement.lang || "zh";
    var state = readState();

    function columnIndex(name) {
      return heads.findIndex(function (th) { return th.getAttribute("data-column") === name; });
    }

    function render() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = matches(row, state);
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      var index = columnIndex(state.sort);
      var ordered = rows.slice();
      if (index >= 0) {
        var sign = state.order === "desc" ? -1 : 1;
        ordered.sort(function (a, b) {
          var x = a.cells[index].getAttribute("data-sort") || "";
          var y = b.cells[index].getAttribute("data-sort") || "";
          if (x === "" || y === "") { return compare(x, y, lang); }  /* empties stay last */
          return sign * compare(x, y, lang);
        });
      }
      ordered.forEach(function (row) { body.appendChild(row); });
      heads.forEach(function (th, i) {
        var sorted = i === index ? (state.order === "desc" ? "descending" : "ascending") : "none";
        th.setAttribute("aria-sort", sorted);
      });
      if (count) {
        count.textContent = (count.getAttribute("data-template") || "{shown} / {total}")
          .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
      }
      writeState(state);
    }

    form.elements.status.value = state.status;
    form.elements.party.value = state.party;
    form.elements.text.value = state.text;
    if (form.elements.status.value !== state.status) { state.status = ""; }
    if (form.elements.party.value !== state.party) { state.party = ""; }

    form.addEventListener("input", function () {
      state.status = form.elements.status.value;
      state.party = form.elements.party.value;
      state.text = form.elements.text.value.trim();
      render();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        state = { status: "", party: "", text: "", sort: "", order: "" };
        render();
      }, 0);
    });
    heads.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sg-sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var name = th.getAttribute("data-column");
        state.order = state.sort === name && state.order !== "desc" ? "desc" : "asc";
        state.sort = name;
        render();
      });
    });
    form.hidden = false;
    render();
  }

  function start() {
    document.querySelectorAll("[data-sg-catalogue]").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
