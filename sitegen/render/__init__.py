"""Writers: a Contract out as Markdown for the site, as PDF and as Word."""
