"""`factdb html`: a static claims explorer that opens from disk and works offline.

Charts: altair specs rendered to SVG in Python by vl-convert, inlined into the pages.
Chosen over plotly because plotly draws in the browser with plotly.js, which a page that
must work offline has to embed (about 4.6 MB, once per page or as a shared file the
browser may refuse to load from file://); an SVG needs no script, weighs a few kB,
prints, and shows the same in any browser. The price is no hover or zoom on a chart;
the index's table, filters and search are a small script of our own.
"""

from pipeline.explore.site import SiteReport, write_site

__all__ = ["SiteReport", "write_site"]
