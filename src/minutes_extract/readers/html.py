"""HTML (council web pages, generic minutes pages): text with headings, lists and table rows kept."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from .. import rx
from ..errors import InputError
from .text import decode

DROP = {"script", "style", "noscript", "nav", "button", "form", "head", "template", "svg", "iframe",
        "select", "title", "meta", "link", "object", "embed"}
BLOCK = {"p", "div", "section", "article", "main", "aside", "header", "footer", "blockquote", "pre",
         "center", "address", "figure", "figcaption", "dl", "dt", "dd", "body", "html", "fieldset",
         "caption", "hr"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
RUN_IN = {"u", "b", "strong"}
_PHP_HEREDOC = rx.compile(r"<<<\s*['\"]?(\w+)['\"]?\n(.*?)\n\s*\1;", re.S)
_PHP = rx.compile(r"<\?(?:php)?.*?(?:\?>|\Z)", re.S)
_GAP = rx.compile(r"[ \t]*\t[ \t]*|[ ]{3,}")
EMPH_OPEN, EMPH_CLOSE = "\x01", "\x02"
_LEADING_EMPHASIS = rx.compile("^((?:\x01[^\x02]*\x02\\s*)+)(.*)$", re.S)
_EMPHASIS_JOIN, _OPEN_RUN, _CLOSE_RUN = rx.compile("\x02(\\s*)\x01"), rx.compile("\x01+"), rx.compile("\x02+")
_CURRENCY, _LETTER = rx.compile(r"[£$€]"), rx.compile(r"[a-z]", re.I)
_LABEL = rx.compile(r"[\divxlc]+[.):]", re.I)  # '3.', 'iv)', 'a:'
_SPACE_RUNS, _SPACE_PAIRS, _TAB_GAP = rx.compile(r"(\s+)"), rx.compile(r"[ ]{2,}"), rx.compile(r"\s*\t\s*")


def _emphasised_heading(line: str) -> tuple[str | None, str]:
    """Splits a block that opens with emphasised text into (heading, rest).

    A whole short emphasised block ('Other Business' in bold) is a heading; so is an emphasised
    lead-in ending in '.' or ':' followed by text ('Resignation. Mike advised ...').
    """
    line = _OPEN_RUN.sub(EMPH_OPEN, _CLOSE_RUN.sub(EMPH_CLOSE, _EMPHASIS_JOIN.sub(r"\1", line)))
    m = _LEADING_EMPHASIS.match(line)
    if not m:
        return None, line
    lead = m.group(1).replace(EMPH_OPEN, "").replace(EMPH_CLOSE, "").strip()
    rest = m.group(2).strip()
    if rest[:1] in (".", ":"):
        lead, rest = lead + rest[0], rest[1:].strip()
    if not lead or "\t" in lead or _CURRENCY.search(lead) or len(lead.split()) > 12 or lead.startswith("/s/"):
        return None, line
    if not rest:
        return (lead, "") if _LETTER.search(lead) and not lead.endswith(",") else (None, line)
    if lead.endswith((".", ":")) and len(lead) > 2 and not _LABEL.fullmatch(lead):
        return lead.rstrip(".:").strip(), rest
    return None, line


def _strip_php(source: str) -> str:
    """Keeps the HTML a PHP template prints (heredocs) and drops the PHP code."""
    if "<?" not in source:
        return source
    heredocs = [m.group(2) for m in _PHP_HEREDOC.finditer(source)]
    if heredocs:
        source = max(heredocs, key=len)
    return _PHP.sub("", source)


def _inline(text: str | None) -> str:
    """Collapses source whitespace; a wide gap on one line (a column) becomes a tab."""
    if not text:
        return ""
    parts = _SPACE_RUNS.split(text)
    out = []
    for part in parts:
        if part and part.isspace():
            out.append("\t" if "\n" not in part and _GAP.fullmatch(part) else " ")
        else:
            out.append(part)
    return "".join(out)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def add(self, text: str) -> None:
        if text:
            self.buf.append(text)

    def flush(self, prefix: str = "", headed: bool = False) -> None:
        line = _SPACE_PAIRS.sub(" ", "".join(self.buf)).strip(" \n")
        line = _TAB_GAP.sub("\t", line).strip()
        self.buf = []
        if headed:
            heading, line = _emphasised_heading(line)
            if heading:
                self.lines.append("#### " + heading)
        line = line.replace(EMPH_OPEN, "").replace(EMPH_CLOSE, "").strip()
        if line:
            self.lines.append(prefix + line)

    def blank(self) -> None:
        self.flush()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")


def _text_of(el) -> str:
    w = _Writer()
    _walk(el, w, depth=0, flat=True)
    w.flush("  ")
    return " ".join(line.strip() for line in w.lines if line.strip())


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _walk(el, w: _Writer, depth: int, flat: bool = False) -> None:
    tag = _tag(el)
    if tag in DROP or isinstance(el, (etree._Comment, etree._ProcessingInstruction)):
        w.add(_inline(el.tail))
        return
    if not flat and tag in HEADINGS:
        w.blank()
        w.add(_text_of(el))
        w.flush("#" * HEADINGS[tag] + " ")
        w.blank()
    elif not flat and tag == "table":
        w.blank()
        for row in el.iter("tr", "TR"):
            cells = [_text_of(c) for c in row if _tag(c) in ("td", "th")]
            if any(cells):
                w.lines.append("| " + " | ".join(cells) + " |")
        w.blank()
    elif not flat and tag in ("ul", "ol"):
        w.flush()
        number = int(el.get("start", "1")) if (el.get("start") or "1").isdigit() else 1
        for child in el:
            if _tag(child) == "li":
                marker = "  " * depth + (f"{number}. " if tag == "ol" else "- ")
                number += 1
                w.flush()
                first = len(w.lines)
                w.add(_inline(child.text))
                for sub in child:
                    _walk(sub, w, depth + 1)
                w.flush()
                if first < len(w.lines) and not w.lines[first].startswith(("#", "|", " ")) and w.lines[first]:
                    w.lines[first] = marker + w.lines[first]
            else:
                _walk(child, w, depth)
        w.flush()
    elif tag == "br":
        if flat:
            w.add(" ")
        else:
            w.flush()
    else:
        block = tag in BLOCK and not flat
        if block:
            w.flush()
        emphasis = tag in RUN_IN and not flat
        if emphasis:
            w.add(EMPH_OPEN)
        w.add(_inline(el.text))
        for child in el:
            _walk(child, w, depth, flat)
        if emphasis:
            w.add(EMPH_CLOSE)
        if block:
            w.flush(headed=tag in ("p", "div", "center"))
            if tag in ("p", "hr"):
                w.blank()
    w.add(_inline(el.tail))


_CHARSET = rx.compile(rb"""<meta[^>]*?charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (<meta charset>, http-equiv or an XML declaration)."""
    m = _CHARSET.search(data[:4096])
    return (m.group(1) or m.group(2)).decode("ascii") if m else None


def read_html(data: bytes) -> tuple[list[str], list[str]]:
    """The visible text of an HTML page as one page of lines, and warnings about its encoding. Valid UTF-8 is
    read as UTF-8; otherwise the charset the page declares is honoured."""
    source, warnings = decode(data, declared_charset(data))
    source = _strip_php(source)  # also drops an XML declaration, which lxml refuses on decoded text
    if not source.strip():
        raise InputError("the HTML page has no content")
    try:
        root = lxml.html.document_fromstring(source)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}") from None
    w = _Writer()
    body = root.find("body")
    _walk(body if body is not None else root, w, depth=0)
    w.flush()
    return ["\n".join(w.lines)], warnings
