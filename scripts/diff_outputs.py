#!/usr/bin/env python3
"""Snapshots of the extraction output over the shared corpus, to prove a change leaves every output the same.

    .venv/bin/python scripts/diff_outputs.py --save /tmp/before            # before the change
    .venv/bin/python scripts/diff_outputs.py --against /tmp/before         # after: lists what differs

One JSON file per document (`DIR/<part>/<file name>.json`, the output as `minutes-extract` writes it, or
{"error": message} for an input it refuses). --against exits 1 when any document differs, is missing or new,
and prints the first differing lines of each. --parts chooses the corpus folders (default dev, extra, archive).
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

PARTS = {"dev": "dev/docs", "extra": "extra", "archive": "archive"}


def snapshot(path: Path) -> str:
    """The document's output as indented JSON (or its refusal), with the source path left out."""
    from minutes_extract import InputError, extract

    try:
        data = extract(path).model_dump(mode="json", by_alias=True)
        data["source"].pop("path", None)
    except InputError as exc:
        data = {"error": str(exc)}
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def documents(corpus: Path, parts: list[str]) -> dict[str, Path]:
    """'part/name' -> path, for every file of the chosen corpus parts."""
    return {f"{part}/{p.name}": p for part in parts for p in sorted((corpus / PARTS[part]).glob("*")) if p.is_file()}


def compare(old: str, new: str, key: str, context: int) -> list[str]:
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), f"before/{key}", f"after/{key}", n=0,
                                     lineterm=""))
    return diff[:context] + ([f"... {len(diff) - context} more diff lines"] if len(diff) > context else [])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--parts", nargs="+", choices=sorted(PARTS), default=["dev", "extra", "archive"])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, metavar="DIR", help="write the snapshots to DIR")
    group.add_argument("--against", type=Path, metavar="DIR", help="compare with the snapshots in DIR")
    ap.add_argument("--lines", type=int, default=12, help="diff lines shown per differing document")
    args = ap.parse_args()
    docs = documents(args.corpus, args.parts)
    if not docs:
        print(f"no documents under {args.corpus}", file=sys.stderr)
        return 2
    if args.save:
        for key, path in docs.items():
            out = args.save / f"{key}.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(snapshot(path), encoding="utf-8")
        print(f"saved {len(docs)} snapshots to {args.save}")
        return 0
    saved = {f"{p.parent.name}/{p.name[:-5]}" for part in args.parts for p in (args.against / part).glob("*.json")}
    differ, missing = [], sorted(saved - docs.keys())
    for key, path in docs.items():
        old_file = args.against / f"{key}.json"
        if not old_file.exists():
            missing.append(key)
            continue
        old, new = old_file.read_text(encoding="utf-8"), snapshot(path)
        if old != new:
            differ.append(key)
            print("\n".join(compare(old, new, key, args.lines)))
    for key in missing:
        print(f"{key}: only in {'the corpus' if key in docs else args.against}")
    same = len(docs) - len(differ) - sum(1 for k in missing if k in docs)
    print(f"{same} of {len(docs)} documents identical; {len(differ)} differ; {len(missing)} missing on one side")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
