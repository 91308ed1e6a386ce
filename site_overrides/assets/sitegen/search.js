// The header's search box (site_overrides/partials/sitegen-search.html) over the site's
// Pagefind index (sitegen/site/search_index.py), in Material's look and with its keys:
// `/`, `s` or `f` focus the box; arrows move through the results; Enter opens one; Esc
// closes. Nothing is fetched before the box is used: Pagefind's own script is imported on
// the first focus or key, from the site's root (/pagefind/, the same for every language;
// it picks the index of the page's <html lang>). Typing is debounced.
//
// Results are built as DOM nodes with textContent. Pagefind's excerpt is the one piece of
// markup: its text HTML-escaped by Pagefind, with <mark> around the words found; it is
// parsed inert (DOMParser runs no script and loads nothing) and only its text and its
// <mark> elements are copied, so even an unescaped tag would show as nothing but text.
(function () {
  "use strict";
  const box = document.querySelector("[data-sg-search]");
  if (!box) return;
  const input = box.querySelector("[data-sg-search-query]");
  const form = input.form;
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const scroll = box.querySelector(".md-search__scrollwrap");
  const toggle = document.getElementById("__search");
  const words = JSON.parse(box.dataset.sgWords);
  const root = new URL(box.dataset.sgRoot.replace(/\/?$/, "/"), location.href);
  const PAGE = 10; // results shown at once; more as the list is scrolled to its end
  const WAIT = 150; // ms after the last key before searching
  let engine = null; // Pagefind, once imported
  let asked = 0; // the number of the latest search: an older one's answer is dropped
  let timer = 0;
  let shown = { results: [], next: 0, number: 0 };

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(async (found) => {
        await found.options({ baseUrl: root.pathname, excerptLength: 24 });
        await found.init();
        return found;
      });
      engine.catch(() => {
        engine = null;
      });
    }
    return engine;
  }

  function say(text) {
    meta.textContent = text;
  }

  function count(n) {
    if (n === 0) return words.none;
    return n === 1 ? words.one : words.other.replace("{n}", String(n));
  }

  // Pagefind's excerpt as nodes: its text and its <mark>s, nothing else.
  function excerpt(markup) {
    const parsed = new DOMParser().parseFromString(`<p>${markup}</p>`, "text/html");
    const out = document.createElement("p");
    for (const node of parsed.body.firstChild ? parsed.body.firstChild.childNodes : []) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.append(mark);
      } else {
        out.append(document.createTextNode(node.textContent));
      }
    }
    return out;
  }

  function link(href, article) {
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = href;
    a.tabIndex = -1;
    a.append(article);
    return a;
  }

  function article(...children) {
    const node = document.createElement("article");
    node.className = "md-search-result__article md-typeset";
    node.append(...children);
    return node;
  }

  function element(name, text, className) {
    const node = document.createElement(name);
    node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // One result: the agreement's number and title, its versions (the one in force first),
  // then the sections the words were found in (Pagefind's sub-results by heading).
  function item(data) {
    const info = data.meta || {};
    const heading = document.createElement("h1");
    if (info.id) heading.append(element("span", info.id, "sg-search-id"), " ");
    heading.append(document.createTextNode(info.title || data.url));
    const top = article(heading);
    top.classList.add("md-search-result__article--document");
    if (info.version) {
      top.append(element("p", `${words.version}: ${info.version}`, "sg-search-version"));
    }
    const sections = (data.sub_results || []).filter((sub) => sub.url !== data.url).slice(0, 3);
    if (!sections.length) top.append(excerpt(data.excerpt || ""));
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    li.append(link(data.url, top));
    for (const sub of sections) {
      const title = element("h2", sub.title || "", "sg-search-section");
      li.append(link(sub.url, article(title, excerpt(sub.excerpt || ""))));
    }
    return li;
  }

  // An agreement's pages together, where it first ranks, its version in force first.
  function ordered(loaded) {
    const first = new Map();
    loaded.forEach((data, n) => {
      const key = (data.meta && data.meta.id) || data.url;
      if (!first.has(key)) first.set(key, n);
    });
    const rank = (data, n) => {
      const key = (data.meta && data.meta.id) || data.url;
      return [first.get(key), data.meta && data.meta.in_force === "yes" ? 0 : 1, n];
    };
    return loaded
      .map((data, n) => [rank(data, n), data])
      .sort(([a], [b]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
      .map(([, data]) => data);
  }

  // The next results as list items (their data fetched), or null once a newer search began.
  async function more(number) {
    const batch = shown.results.slice(shown.next, shown.next + PAGE);
    shown.next += batch.length;
    const loaded = await Promise.all(batch.map((result) => result.data()));
    return number === asked ? ordered(loaded).map(item) : null;
  }

  async function search(text) {
    const number = ++asked;
    const query = text.trim();
    if (!query) {
      list.replaceChildren();
      say(words.initial);
      return;
    }
    say(words.loading);
    let found;
    try {
      found = await (await pagefind()).search(query);
    } catch {
      if (number === asked) say(words.failed);
      return;
    }
    if (number !== asked) return;
    shown = { results: found.results, next: 0, number };
    const items = await more(number);
    if (!items) return;
    list.replaceChildren(...items); // the results and their count at once
    say(count(found.results.length));
  }

  function open() {
    toggle.checked = true;
    pagefind();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function links() {
    return [...list.querySelectorAll(".md-search-result__link")];
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), WAIT);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    clearTimeout(timer);
    setTimeout(() => {
      search("");
      input.focus();
    });
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus(); // the header's magnifier on a narrow screen
    else input.blur();
  });
  scroll.addEventListener("scroll", () => {
    const end = scroll.scrollTop + scroll.clientHeight >= scroll.scrollHeight - 16;
    if (!end || shown.next >= shown.results.length) return;
    more(shown.number).then((items) => items && list.append(...items));
  });

  function editable(target) {
    if (!(target instanceof HTMLElement)) return false;
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const inside = box.contains(document.activeElement);
    if (!inside) {
      if (editable(event.target) || !["/", "s", "f"].includes(event.key)) return;
      event.preventDefault();
      open();
      input.focus();
      input.select();
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const all = [input, ...links()];
      const at = all.indexOf(document.activeElement);
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = all[Math.max(0, Math.min(all.length - 1, (at < 0 ? 0 : at) + step))];
      event.preventDefault();
      next.focus();
    }
  });
})();
