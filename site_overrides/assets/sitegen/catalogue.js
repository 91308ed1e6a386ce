/* The catalogue table: filter by status, party, text and whether a row has a recovery
 * objective (RPO/RTO), sort by any column; and on every
 * page, the countdowns and states that depend on the day, said again from the visitor's day.
 *
 * Ours, no library. The state lives in the address (?status=&party=&text=&recovery=&sort=&order=; not `q`,
 * which Material reads to open its search),
 * so a filtered, sorted view can be bookmarked and shared. Values are read from data
 * attributes the generator wrote (HTML-escaped); nothing here writes HTML, only text.
 */
(function () {
  "use strict";

  var KEYS = ["status", "party", "text", "recovery", "sort", "order"];
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
    if (state.recovery && !row.hasAttribute("data-recovery")) { return false; }
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
    if (state.recovery !== "1") { state.recovery = ""; }
    if (form.elements.recovery) { form.elements.recovery.checked = state.recovery === "1"; }
    if (form.elements.status.value !== state.status) { state.status = ""; }
    if (form.elements.party.value !== state.party) { state.party = ""; }

    form.addEventListener("input", function () {
      state.status = form.elements.status.value;
      state.party = form.elements.party.value;
      state.text = form.elements.text.value.trim();
      state.recovery = form.elements.recovery && form.elements.recovery.checked ? "1" : "";
      render();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        state = { status: "", party: "", text: "", recovery: "", sort: "", order: "" };
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

  /* Dates (sitegen/site/live_dates.py says why and how). Each countdown is a
   * <time datetime="YYYY-MM-DD" data-sg-zone="Area/City" data-sg-past="overdue|ago">; each
   * state that changes with the day a span with
   * data-sg-states="[[day, state, name, sort key], …]".
   * Days are whole calendar days: today is the date it is in the agreement's zone now, and
   * both dates count as UTC midnights, so no daylight-saving hour shifts a day. The words
   * are the page's own, from its JSON script tag; without them nothing changes, and
   * without this script the build's text stays. */
  var DAY_MS = 86400000;
  var ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
  var STATE = /^[a-z_]+$/;

  function dayNumber(iso) {
    var m = ISO_DAY.exec(iso || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS : null;
  }

  function todayIn(zone, now) {
    var parts = null;
    try {
      parts = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone || undefined, year: "numeric", month: "2-digit", day: "2-digit"
      }).formatToParts(now);
    } catch (error) {
      parts = null;  /* a zone this browser does not know: the visitor's own day */
    }
    if (!parts) { return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS; }
    function part(type) {
      return +parts.filter(function (p) { return p.type === type; })[0].value;
    }
    return Date.UTC(part("year"), part("month") - 1, part("day")) / DAY_MS;
  }

  function countdownText(days, past, words) {
    var key;
    if (days === 0) { key = "today"; }
    else if (days > 0) { key = days === 1 ? "in_one_day" : "in_days"; }
    else if (past === "overdue") { key = days === -1 ? "one_day_ago" : "days_ago"; }
    else { key = days === -1 ? "one_day_since" : "days_since"; }
    return String(words[key] || "").replace("{n}", String(Math.abs(days)));
  }

  function refreshDates(now) {
    var source = document.getElementById("sg-date-words");
    var words;
    try { words = source ? JSON.parse(source.textContent) : null; } catch (error) { words = null; }
    if (words) {
      document.querySelectorAll("time.sg-countdown[datetime]").forEach(function (time) {
        var day = dayNumber(time.getAttribute("datetime"));
        if (day === null) { return; }
        var past = time.getAttribute("data-sg-past") || "overdue";
        var days = day - todayIn(time.getAttribute("data-sg-zone"), now);
        time.textContent = countdownText(days, past, words);
        time.classList.toggle("sg-overdue", days < 0 && past === "overdue");
      });
    }
    document.querySelectorAll("[data-sg-states]").forEach(function (span) {
      var changes;
      try { changes = JSON.parse(span.getAttribute("data-sg-states")); } catch (error) { return; }
      var today = todayIn(span.getAttribute("data-sg-zone"), now);
      var current = null;
      changes.forEach(function (change) {
        var day = dayNumber(change[0]);
        if (day !== null && day <= today && STATE.test(change[1])) { current = change; }
      });
      if (!current) { return; }
      span.textContent = String(current[2]);
      span.className = "sg-state sg-state-" + current[1];
      var cell = span.closest("td[data-sort]");
      if (cell && current[3]) { cell.setAttribute("data-sort", String(current[3])); }
      var row = span.closest("tr[data-state]");
      if (row) { row.setAttribute("data-state", current[1]); }
    });
  }

  function start() {
    refreshDates(new Date());  /* first: the catalogue filters by the states it sets */
    document.querySelectorAll("[data-sg-catalogue]").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
