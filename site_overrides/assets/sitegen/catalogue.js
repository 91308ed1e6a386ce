/* The catalogue table: filter by status, party, text and whether a row has a recovery
 * objective (RPO/RTO), sort by any column, a page of rows at a time; and on every page, the countdowns and states that depend on the day, said again
 * from the visitor's day.
 *
 * Ours, no library. The state lives in the address (?status=&party=&text=&recovery=&sort=&order=&page=;
 * not `q`, which Material reads to open its search), so a filtered, sorted view can be
 * bookmarked and shared. Values are read from data attributes the generator wrote
 * (HTML-escaped); nothing here writes HTML, only text, and moves the rows the page holds.
 *
 * Why a page of rows (sitegen/site/catalogue_paging.py has the figures): a table of 911 rows
 * costs the browser 0.4–0.5 s of layout each time its rows change, whatever the script
 * does. So the page lays out its first rows only; the others wait, inert, in a <template>
 * (parsed, never laid out). Each row's keys are read once; a filter or a sort is one pass
 * over them, and one replacement of the table's body by the rows of the page shown.
 */
(function () {
  "use strict";

  var KEYS = ["status", "party", "text", "recovery", "sort", "order", "page"];
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

  /* A cell's sort key, read once: its text and, when it is a plain number, that number. */
  function sortKey(cell) {
    var raw = (cell && cell.getAttribute("data-sort")) || "";
    return { raw: raw, number: NUMBER.test(raw) ? parseFloat(raw) : NaN };
  }

  /* What a row is filtered and sorted by, read once from its data attributes. */
  function record(row, position, columns) {
    var parties;
    try { parties = JSON.parse(row.getAttribute("data-parties") || "[]"); } catch (error) {
      parties = [];
    }
    return {
      row: row,
      position: position,
      state: row.getAttribute("data-state") || "",
      recovery: row.hasAttribute("data-recovery"),
      parties: Array.isArray(parties) ? parties.map(String) : [],
      text: row.getAttribute("data-text") || "",
      keys: columns.map(function (column, i) { return sortKey(row.cells[i]); })
    };
  }

  function matches(item, state, words) {
    if (state.status && item.state !== state.status) { return false; }
    if (state.recovery && !item.recovery) { return false; }
    if (state.party && item.parties.indexOf(state.party) < 0) { return false; }
    for (var i = 0; i < words.length; i += 1) {
      if (item.text.indexOf(words[i]) < 0) { return false; }
    }
    return true;
  }

  function ordering(index, descending, collator) {
    var sign = descending ? -1 : 1;
    return function (a, b) {
      var x = a.keys[index], y = b.keys[index];
      var order = 0;
      if (x.raw !== y.raw) {
        if (x.raw === "") { return 1; }  /* no value: always last, either way */
        if (y.raw === "") { return -1; }
        order = !isNaN(x.number) && !isNaN(y.number) ? x.number - y.number
          : collator.compare(x.raw, y.raw);
      }
      return sign * order || a.position - b.position;  /* equal: the catalogue's order */
    };
  }

  function fill(output, values) {
    if (!output) { return; }
    var text = output.getAttribute("data-template") || "";
    Object.keys(values).forEach(function (key) {
      text = text.replace("{" + key + "}", String(values[key]));
    });
    output.textContent = text;
  }

  function setup(root, rows) {
    var form = root.querySelector("[data-sg-filters]");
    var table = root.querySelector("table");
    if (!form || !table || !table.tBodies.length) { return; }
    var body = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var columns = heads.map(function (th) { return th.getAttribute("data-column"); });
    var items = rows.map(function (row, i) { return record(row, i, columns); });
    var count = form.querySelector(".sg-count");
    var pager = root.querySelector("[data-sg-pages]");
    var more = root.querySelector("[data-sg-more]");
    var size = parseInt(root.getAttribute("data-sg-page-size") || "", 10) || items.length || 1;
    var lang = document.documentElement.lang || "zh";
    var collator = new Intl.Collator(lang);
    var state = readState();
    var pages = 1;

    function render() {
      var words = state.text.toLowerCase().split(/\s+/).filter(Boolean);
      var found = items.filter(function (item) { return matches(item, state, words); });
      var index = columns.indexOf(state.sort);
      if (index >= 0) { found.sort(ordering(index, state.order === "desc", collator)); }
      pages = Math.max(1, Math.ceil(found.length / size));
      var page = Math.min(Math.max(parseInt(state.page, 10) || 1, 1), pages);
      state.page = page > 1 ? String(page) : "";
      var shown = found.slice((page - 1) * size, page * size);
      var same = shown.length === body.rows.length && shown.every(function (item, i) {
        return body.rows[i] === item.row;
      });
      if (!same) {
        var fragment = document.createDocumentFragment();
        shown.forEach(function (item) { fragment.appendChild(item.row); });
        body.replaceChildren(fragment);
      }
      heads.forEach(function (th, i) {
        var sorted = i === index ? (state.order === "desc" ? "descending" : "ascending") : "none";
        if (th.getAttribute("aria-sort") !== sorted) { th.setAttribute("aria-sort", sorted); }
      });
      fill(count, { shown: found.length, total: items.length });
      if (pager) {
        pager.hidden = pages < 2;
        fill(pager.querySelector("output"), {
          page: page, pages: pages, first: shown.length ? (page - 1) * size + 1 : 0,
          last: (page - 1) * size + shown.length
        });
        pager.querySelector("[data-sg-page=previous]").disabled = page <= 1;
        pager.querySelector("[data-sg-page=next]").disabled = page >= pages;
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
      state.page = "";
      render();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        state = { status: "", party: "", text: "", recovery: "", sort: "", order: "", page: "" };
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
        state.page = "";
        render();
      });
    });
    if (pager) {
      pager.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-sg-page]");
        if (!button || button.disabled) { return; }
        var page = parseInt(state.page, 10) || 1;
        state.page = String(button.getAttribute("data-sg-page") === "next" ? page + 1 : page - 1);
        render();
        if (table.getBoundingClientRect().top < 0) { table.scrollIntoView(); }
      });
    }
    if (more) { more.hidden = true; }
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
   * without this script the build's text stays. Today is worked out once per zone (a
   * formatter per countdown took most of a second at 1,000 agreements), and an element is
   * written only when what it says changes. */
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

  function todays(now) {
    var known = {};
    return function (zone) {
      var key = zone || "";
      if (!(key in known)) { known[key] = todayIn(zone, now); }
      return known[key];
    };
  }

  function countdownText(days, past, words) {
    var key;
    if (days === 0) { key = "today"; }
    else if (days > 0) { key = days === 1 ? "in_one_day" : "in_days"; }
    else if (past === "overdue") { key = days === -1 ? "one_day_ago" : "days_ago"; }
    else { key = days === -1 ? "one_day_since" : "days_since"; }
    return String(words[key] || "").replace("{n}", String(Math.abs(days)));
  }

  function setText(element, text) {
    if (element.textContent !== text) { element.textContent = text; }
  }

  /* `scopes`: the document, and the catalogue's rows that wait in their template. */
  function refreshDates(now, scopes) {
    var source = document.getElementById("sg-date-words");
    var words;
    try { words = source ? JSON.parse(source.textContent) : null; } catch (error) { words = null; }
    var today = todays(now);
    scopes.forEach(function (scope) {
      if (words) {
        scope.querySelectorAll("time.sg-countdown[datetime]").forEach(function (time) {
          var day = dayNumber(time.getAttribute("datetime"));
          if (day === null) { return; }
          var past = time.getAttribute("data-sg-past") || "overdue";
          var days = day - today(time.getAttribute("data-sg-zone"));
          setText(time, countdownText(days, past, words));
          var overdue = days < 0 && past === "overdue";
          if (time.classList.contains("sg-overdue") !== overdue) {
            time.classList.toggle("sg-overdue", overdue);
          }
        });
      }
      scope.querySelectorAll("[data-sg-states]").forEach(function (span) {
        refreshState(span, today(span.getAttribute("data-sg-zone")));
      });
    });
  }

  function refreshState(span, today) {
    var changes;
    try { changes = JSON.parse(span.getAttribute("data-sg-states")); } catch (error) { return; }
    var current = null;
    (Array.isArray(changes) ? changes : []).forEach(function (change) {
      var day = dayNumber(change[0]);
      if (day !== null && day <= today && STATE.test(change[1])) { current = change; }
    });
    if (!current) { return; }
    setText(span, String(current[2]));
    var name = "sg-state sg-state-" + current[1];
    if (span.className !== name) { span.className = name; }
    var cell = span.closest("td[data-sort]");
    if (cell && current[3]) { cell.setAttribute("data-sort", String(current[3])); }
    var row = span.closest("tr[data-state]");
    if (row) { row.setAttribute("data-state", current[1]); }
  }

  /* A catalogue's rows: those on the page and those waiting in its template. */
  function catalogueRows(root) {
    var table = root.querySelector("table");
    var waiting = root.querySelector("template[data-sg-rows]");
    var rows = table && table.tBodies.length ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
    return waiting ? rows.concat(Array.prototype.slice.call(waiting.content.children)) : rows;
  }

  function start() {
    var roots = Array.prototype.slice.call(document.querySelectorAll("[data-sg-catalogue]"));
    var templates = roots.map(function (root) { return root.querySelector("template[data-sg-rows]"); })
      .filter(Boolean).map(function (template) { return template.content; });
    refreshDates(new Date(), [document].concat(templates));  /* first: the filters read the states */
    roots.forEach(function (root) { setup(root, catalogueRows(root)); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
