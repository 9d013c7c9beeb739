"""Ruled tables from the lines a page draws: pdfplumber's 'lines' table algorithm with its default settings
(snap nearby parallel lines together, join collinear pieces, find where lines cross, the smallest ruled box at
each crossing, boxes sharing corners as one table), on plain tuples, so a page is not parsed a second time."""
from __future__ import annotations

from collections import defaultdict
from itertools import groupby

Edge = tuple[str, float, float, float]  # 'h' or 'v'; position across the line (top, or x); start and end along it
Box = tuple[float, float, float, float]  # x0, top, x1, bottom (y grows down the page)
Point = tuple[float, float]

TOLERANCE = 3  # points: lines this close snap, join and cross
MIN_LENGTH = 3  # points: shorter joined lines rule nothing
MAX_CROSSINGS = 4000  # more crossings is a drawing, not a table (finding cells is quadratic in crossings)


def ruled_tables(edges: list[Edge]) -> list[tuple[Box, list[list[Box | None]]]]:
    """The tables the lines rule, top first: each its box and its rows of cell boxes (None under a spanning
    cell); none when the lines cross more than MAX_CROSSINGS times."""
    lines = [e for e in _join(_snap(edges)) if e[3] - e[2] >= MIN_LENGTH]
    crossings = _crossings(lines)
    if not crossings:
        return []
    tables = sorted(_connected(_cells(crossings)), key=lambda cells: min((c[1], c[0]) for c in cells))
    return [((min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells),
              max(c[3] for c in cells)), _rows(cells)) for cells in tables]


def _snap(edges: list[Edge]) -> list[Edge]:
    """Parallel lines whose positions chain within TOLERANCE move to their mean position."""
    out = []
    for orientation in ("v", "h"):
        group = [e for e in edges if e[0] == orientation]
        cluster, last, k = {}, None, -1
        for pos in sorted({e[1] for e in group}):
            if last is None or pos > last + TOLERANCE:
                k += 1
            cluster[pos], last = k, pos
        totals: dict[int, list[float]] = defaultdict(lambda: [0.0, 0])
        for e in group:
            totals[cluster[e[1]]][0] += e[1]
            totals[cluster[e[1]]][1] += 1
        out += [(orientation, totals[cluster[e[1]]][0] / totals[cluster[e[1]]][1], e[2], e[3]) for e in group]
    return out


def _join(edges: list[Edge]) -> list[Edge]:
    """Collinear pieces that overlap or lie within TOLERANCE of each other become one line."""
    out: list[Edge] = []
    for _, group in groupby(sorted(edges), key=lambda e: e[:2]):
        start = len(out)
        for e in group:
            if len(out) > start and e[2] <= out[-1][3] + TOLERANCE:
                if e[3] > out[-1][3]:
                    out[-1] = (*out[-1][:3], e[3])
            else:
                out.append(e)
    return out


def _crossings(lines: list[Edge]) -> dict[Point, tuple[set[Edge], set[Edge]]]:
    """Each point (x, top) where a vertical and a horizontal line meet within TOLERANCE, with the vertical and
    the horizontal lines through it; empty when there are more than MAX_CROSSINGS."""
    vertical = [e for e in lines if e[0] == "v"]
    horizontal = [e for e in lines if e[0] == "h"]
    if len(vertical) * len(horizontal) > 100 * MAX_CROSSINGS:
        return {}
    crossings: dict[Point, tuple[set[Edge], set[Edge]]] = {}
    for v in vertical:
        for h in horizontal:
            if v[2] - TOLERANCE <= h[1] <= v[3] + TOLERANCE and h[2] - TOLERANCE <= v[1] <= h[3] + TOLERANCE:
                through = crossings.setdefault((v[1], h[1]), (set(), set()))
                through[0].add(v)
                through[1].add(h)
                if len(crossings) > MAX_CROSSINGS:
                    return {}
    return crossings


def _cells(crossings: dict[Point, tuple[set[Edge], set[Edge]]]) -> list[Box]:
    """At each crossing, the smallest box whose four sides are drawn and whose corners are crossings."""
    def connected(p: Point, q: Point) -> bool:  # one line runs through both points
        return bool(p[0] == q[0] and crossings[p][0] & crossings[q][0]
                    or p[1] == q[1] and crossings[p][1] & crossings[q][1])

    column: dict[float, list[Point]] = defaultdict(list)
    row: dict[float, list[Point]] = defaultdict(list)
    for point in sorted(crossings):
        column[point[0]].append(point)
        row[point[1]].append(point)
    cells = []
    for corner in sorted(crossings):
        below = [p for p in column[corner[0]] if p[1] > corner[1] and connected(corner, p)]
        right = [p for p in row[corner[1]] if p[0] > corner[0] and connected(corner, p)]
        cell = next(((corner[0], corner[1], r[0], b[1]) for b in below for r in right
                     if (r[0], b[1]) in crossings and connected((r[0], b[1]), r) and connected((r[0], b[1]), b)),
                    None)
        if cell:
            cells.append(cell)
    return cells


def _connected(cells: list[Box]) -> list[list[Box]]:
    """The groups of two or more cells linked by shared corners."""
    by_corner: dict[Point, list[int]] = defaultdict(list)
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            by_corner[corner].append(i)
    seen, groups = set(), []
    for first in range(len(cells)):
        if first in seen:
            continue
        seen.add(first)
        group, todo = [], [first]
        while todo:
            i = todo.pop()
            group.append(cells[i])
            x0, top, x1, bottom = cells[i]
            for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
                for j in by_corner[corner]:
                    if j not in seen:
                        seen.add(j)
                        todo.append(j)
        if len(group) > 1:
            groups.append(group)
    return groups


def _rows(cells: list[Box]) -> list[list[Box | None]]:
    """The cells row by row (same top), one column per distinct left edge; None where no cell starts."""
    xs = sorted({c[0] for c in cells})
    rows = []
    for _, group in groupby(sorted(cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
        starts = {c[0]: c for c in group}
        rows.append([starts.get(x) for x in xs])
    return rows
