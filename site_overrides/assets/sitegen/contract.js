// The contract's 中文 / English / 对照 tabs on an agreement page (sitegen/render/contract_html.py).
// The page holds its contract in its own language as HTML (what search indexes and what
// shows without JavaScript), and in both languages as the text of an inert
// <script type="text/html">: put the bilingual text in place, then the tabs can show
// either language or both. The text is sitegen's own HTML with every value escaped.
(function () {
  "use strict";
  for (const views of document.querySelectorAll(".sg-views")) {
    const both = views.querySelector("script.sg-contract-both");
    const shown = views.querySelector(".sg-contract");
    if (!both || !shown) continue;
    const template = document.createElement("template");
    template.innerHTML = both.textContent;
    shown.replaceChildren(template.content);
    views.classList.add("sg-bilingual");
  }
  // A link to a clause (#id) lands on the element now in place of the one it scrolled to.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView();
})();
