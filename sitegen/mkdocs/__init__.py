"""The mkdocs glue: the plugin (`plugin`), each language's build in its own process
(`languages`) and the sitemap.

Everything mkdocs-specific lives here, so `sitegen.site` only writes a docs folder. The
package's name does not shadow the real `mkdocs` inside it: imports are absolute, so
`import mkdocs` in these modules is the installed mkdocs.
"""
