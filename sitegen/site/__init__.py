"""The catalogue site as a generated docs folder (see `generate`); nothing here knows mkdocs
(its plugin and fixes live in `sitegen.mkdocs`).

- `generate`: the pipeline, from agreements to a synced folder of Markdown and files.
- `catalogue_page`, `agreement_page`, `diff_page`, `report_page`: one writer per kind of
  page; `service_section`: the agreement page's service reports (`report_views` prepares
  them), `svg_charts`: their charts as inline SVG.
- `versions`: the signed archive, comparisons and git history as the pages show them.
- `documents`: the working version's PDF and Word file, cached by content hash;
  `report_pdfs`: the PDFs of accepted service reports, the same way.
- `tree`: writing only what changed, deleting what is no longer generated.
- `search_index`: Pagefind run over the built site (what it searches, the pages mark).
- `words`: `label`, the site's interface words in both languages, a `Words` table of the
  vocabulary (`sitegen.compose.vocabulary`; values are escaped by `sitegen.render.page_markup`).
"""

from __future__ import annotations

from sitegen.site.generate import DEFAULT_OUT, Summary, generate
from sitegen.site.progress import Progress

__all__ = ["DEFAULT_OUT", "Progress", "Summary", "generate"]
