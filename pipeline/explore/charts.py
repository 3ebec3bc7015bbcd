"""The explorer's charts: altair (Vega-Lite) specs rendered to SVG strings by vl-convert.

vl-convert runs Vega in an embedded JavaScript engine inside the Python process, so a
chart is drawn at build time and the page needs no script and no network. Data goes in
inline (`alt.Data(values=...)`) and `allowed_base_urls=[]` makes vl-convert refuse to
fetch anything, so a spec can never reach out.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import vl_convert

WIDTH = 560  # px of one panel: the page's content column less the axis labels
PANEL_HEIGHT = 120


def timeline(points: Sequence[dict], color: str, title: str) -> str:
    """Figures over time, one panel per unit (each with its own value axis, as a tonne and
    a dollar do not share a scale), points coloured by `color`.

    Each point is a dict with `date` (ISO), `value`, `unit`, `surface` and the colour field.
    """
    chart = (
        alt.Chart(alt.Data(values=list(points)))
        .mark_point(filled=True, size=70, opacity=0.85)
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%Y-%m-%d", labelAngle=0)),
            # SI prefixes (15G) as a reader of figures says them: 15B for a billion
            y=alt.Y(
                "value:Q",
                title=None,
                axis=alt.Axis(format="~s", labelExpr="replace(datum.label, 'G', 'B')"),
            ),
            color=alt.Color(f"{color}:N", title=color),
            shape=alt.Shape(f"{color}:N", title=color),
        )
        .properties(width=WIDTH, height=PANEL_HEIGHT)
        .facet(row=alt.Row("unit:N", title=None, header=alt.Header(labelAngle=0)))
        .resolve_scale(y="independent")
        .properties(title=title)  # on the facet: once above all panels, not once in each
    )
    return _svg(chart)


def bars(counts: Sequence[dict], category: str, group: str, title: str) -> str:
    """Stacked bars: rows of `{category, group, "claims"}`."""
    chart = (
        alt.Chart(alt.Data(values=list(counts)), title=title)
        .mark_bar()
        .encode(
            y=alt.Y(f"{category}:N", title=None, sort="-x"),
            x=alt.X("claims:Q", title="claims"),
            color=alt.Color(f"{group}:N", title=group),
        )
        .properties(width=WIDTH - 120)
    )
    return _svg(chart)


def _svg(chart: alt.TopLevelMixin) -> str:
    return vl_convert.vegalite_to_svg(chart.to_dict(), allowed_base_urls=[])
