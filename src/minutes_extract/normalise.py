"""Normalisation: one clean text from whatever a reader produced (markdown, stray HTML, odd spaces)."""
from __future__ import annotations

import html
import re

from . import rx
from .document import join_pages

_SPACES = rx.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = rx.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")  # and control characters
_IMAGE = rx.compile(r"!\[[^\[\]\n]*\]\([^)\n]*\)")
_LINK = rx.compile(r"\[([^\[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_AUTOLINK = rx.compile(r"<((?:https?|mailto):[^>\s]+)>")
_EMBEDDED_HTML = rx.compile(r"</?(?:table|tbody|thead|tr|td|th|div|p|br|ol|ul|li|span|strong|em|b|i|u|sup|sub|a|"
                            r"h[1-6])\b[^>]*>",
                            re.I)
_OL_START = rx.compile(r"<ol\b[^>]*\bstart=\"?(\d+)\"?[^>]*>\s*<li[^>]*>", re.I)
_ESCAPE = rx.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_UNDERSCORES = rx.compile(r"(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")
_TRAILING = rx.compile(r"[ \t]+$", re.M)


def _embedded_html(text: str) -> str:
    """Flattens HTML fragments inside markdown (tables, lists) to text rows."""
    if "<" not in text or not _EMBEDDED_HTML.search(text):
        return text
    text = _OL_START.sub(lambda m: f"\n{m.group(1)}. ", text)
    text = re.sub(r"</t[dh]>", " | ", text, flags=re.I)
    text = re.sub(r"<tr\b[^>]*>", "\n| ", text, flags=re.I)
    text = re.sub(r"<li\b[^>]*>", "\n- ", text, flags=re.I)
    text = re.sub(r"<(?:br|div|p)\b[^>]*>|</(?:div|p|li|tr|table|ol|ul|h[1-6])>", "\n", text, flags=re.I)
    text = _EMBEDDED_HTML.sub("", text)
    return html.unescape(text)


def _markdown_emphasis(text: str) -> str:
    """Drops emphasis markers and escapes, keeping bullets ('* item') and headings."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = re.sub(r"^(\s*)\* ", "\\1- ", text, flags=re.M)  # '* item' bullets become '- item'
    text = text.replace("*", "")
    text = _UNDERSCORES.sub("", text)
    text = text.replace("`", "")
    return _ESCAPE.sub(r"\1", text)


def normalise(text: str) -> str:
    """Normalises one page of text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _embedded_html(text)
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    text = _markdown_emphasis(text)
    text = re.sub(r"(?<=\S)[ ]{2,}(?=\S)", lambda m: " " if len(m.group()) < 4 else "\t", text)
    return _TRAILING.sub("", text)  # line structure is kept, so lines point into the original file


def normalise_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Normalises each page and joins them, keeping page starts."""
    return join_pages([normalise(p) for p in pages])
