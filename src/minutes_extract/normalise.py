"""Normalisation: one clean text from whatever a reader produced (markdown, stray HTML, odd spaces)."""
from __future__ import annotations

import html
import re

from . import rx
from .document import join_pages

_SPACE_CHARS = r"\u00a0\u2000-\u200a\u202f\u205f\u3000"
_INVISIBLE_CHARS = r"\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x0c\x0e-\x1f\x7f"  # and control characters
_SPACES, _INVISIBLE = rx.compile(f"[{_SPACE_CHARS}]"), rx.compile(f"[{_INVISIBLE_CHARS}]")
_ODD_CHARACTER = rx.compile(f"[{_SPACE_CHARS}{_INVISIBLE_CHARS}]")  # one search instead of two replacements
_IMAGE = rx.compile(r"!\[[^\[\]\n]*\]\([^)\n]*\)")
_LINK = rx.compile(r"\[([^\[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_AUTOLINK = rx.compile(r"<((?:https?|mailto):[^>\s]+)>")
_EMBEDDED_HTML = rx.compile(r"</?(?:table|tbody|thead|tr|td|th|div|p|br|ol|ul|li|span|strong|em|b|i|u|sup|sub|a|"
                            r"h[1-6])\b[^>]*>",
                            re.I)
_OL_START = rx.compile(r"<ol\b[^>]*\bstart=\"?(\d+)\"?[^>]*>\s*<li[^>]*>", re.I)
_ESCAPE = rx.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
# every run of underscores but a single one between letters or digits ('snake_case'); written to open with
# '_', so that the engine looks only at underscores: '(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])' removes the same
_UNDERSCORES = rx.compile(r"_(?:_+|(?<![A-Za-z0-9]_)|(?![A-Za-z0-9]))")
_STAR_BULLET = rx.compile(r"\n(\s*)\* ")  # '^(\s*)\* ' (re.M) by the line break before it, found faster
_TEXT_CELL = rx.compile(r"</t[dh]>", re.I)
_ROW = rx.compile(r"<tr\b[^>]*>", re.I)
_ITEM = rx.compile(r"<li\b[^>]*>", re.I)
_BLOCK_BREAK = rx.compile(r"<(?:br|div|p)\b[^>]*>|</(?:div|p|li|tr|table|ol|ul|h[1-6])>", re.I)
_GAP = rx.compile(r"  (?<=\S  )[ ]*(?=\S)")  # '(?<=\S)[ ]{2,}(?=\S)', opening with its two spaces


def _sub_if(trigger: str, pattern: re.Pattern, repl, text: str) -> str:
    """`pattern.sub(repl, text)`, skipped when text lacks `trigger`, a string every match contains."""
    return pattern.sub(repl, text) if trigger in text else text


def _embedded_html(text: str) -> str:
    """Flattens HTML fragments inside markdown (tables, lists) to text rows."""
    if "<" not in text or not _EMBEDDED_HTML.search(text):
        return text
    text = _OL_START.sub(lambda m: f"\n{m.group(1)}. ", text)
    text = _TEXT_CELL.sub(" | ", text)
    text = _ROW.sub("\n| ", text)
    text = _ITEM.sub("\n- ", text)
    text = _BLOCK_BREAK.sub("\n", text)
    text = _EMBEDDED_HTML.sub("", text)
    return html.unescape(text)


def _markdown_emphasis(text: str) -> str:
    """Drops emphasis markers and escapes, keeping bullets ('* item') and headings."""
    text = _sub_if("![", _IMAGE, "", text)
    text = _sub_if("](", _LINK, r"\1", text)
    text = _sub_if("<", _AUTOLINK, r"\1", text)
    if "* " in text:  # '* item' bullets become '- item'
        text = _STAR_BULLET.sub("\n\\1- ", "\n" + text)[1:]
    text = text.replace("*", "")
    text = _sub_if("_", _UNDERSCORES, "", text)
    text = text.replace("`", "")
    return _sub_if("\\", _ESCAPE, r"\1", text)


def normalise(text: str) -> str:
    """Normalises one page of text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _embedded_html(text)
    text = text.replace("\u00a0", " ")  # the commonest odd space, replaced without a regex
    if _ODD_CHARACTER.search(text):
        text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    text = _markdown_emphasis(text)
    text = _sub_if("  ", _GAP, lambda m: " " if len(m.group()) < 4 else "\t", text)
    if " \n" in text or "\t\n" in text or text.endswith((" ", "\t")):  # trailing spaces ('[ \t]+$', re.M) go
        text = "\n".join([line.rstrip(" \t") for line in text.split("\n")])
    return text  # line structure is kept, so lines point into the original file


def normalise_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Normalises each page and joins them, keeping page starts."""
    return join_pages([normalise(p) for p in pages])
