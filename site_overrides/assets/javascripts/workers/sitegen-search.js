// Material for MkDocs 9.8.2's search worker, with each typed word also found inflected.
//
// Material makes every typed word a prefix ("responses" is searched as "responses*") for
// type-ahead, and lunr runs no stemmer on a word with a wildcard: "responses" could never
// find "response", nor "credits" a page that says "credit". Here a typed word is searched
// as the part it shares with its stem ("responses" → "respons*", "availability" →
// "avail*"), which keeps type-ahead ("availab" stays "availab*"); like any prefix, it also
// finds longer words ("hosting" → "host*" finds "hostile"). The index keeps the words as
// written (mkdocs.yml: no stemmer in the search pipeline). Chinese words are not changed:
// the English stemmer leaves them as they are. The query is changed where lunr parses it,
// so the words Material lists as missing from a result are checked the same way.
//
// This file sits beside Material's worker because that worker loads lunr's language files
// from "../lunr", relative to the worker it runs in. site_overrides/main.html points the
// site at this file; tests/test_i18n_search.py checks that both name the installed worker.
importScripts("search.a7633da7.min.js");

(function (lunr) {
  "use strict";
  const wildcard = /^([^*~^:]+)\*$/; // a word Material made a prefix, nothing else
  const parse = lunr.QueryParser.prototype.parse;

  function shared(word, stem) {
    let length = 0;
    while (length < word.length && word[length] === stem[length]) length++;
    return length > 0 ? word.slice(0, length) : word;
  }

  // Both the search and the list of words a result misses parse the query here.
  lunr.QueryParser.prototype.parse = function () {
    const query = parse.call(this);
    for (const clause of query.clauses) {
      const typed = wildcard.exec(clause.term);
      if (typed) clause.term = shared(typed[1], lunr.stemmer(new lunr.Token(typed[1])).toString()) + "*";
    }
    return query;
  };
})(self.lunr);
