"""Writers: a Contract out as Markdown for the site, as the site's contract HTML, as PDF and as
Word; `outputs` takes a checked agreement to its documents."""
