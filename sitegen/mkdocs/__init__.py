"""The mkdocs glue: the plugin (`plugin`), the search and language fixes for
mkdocs-material and mkdocs-static-i18n (`i18n_search`, `search_text`) and the sitemap.

Everything mkdocs-specific lives here, so `sitegen.site` only writes a docs folder. The
package's name does not shadow the real `mkdocs` inside it: imports are absolute, so
`import mkdocs` in these modules is the installed mkdocs.
"""
