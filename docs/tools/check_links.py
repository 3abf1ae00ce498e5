#!/usr/bin/env python3
"""Checks that every relative link in the repository's Markdown files resolves.

A link resolves when its file (or folder) exists and, if it names an anchor, a heading of
that file has that anchor (GitHub's rule: lower case, punctuation dropped, spaces to
hyphens). From the repository root: python3 docs/tools/check_links.py
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^(```|~~~)")


def prose(text):
    """The text outside fenced code blocks and inline code."""
    lines, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line.strip()):
            fenced = not fenced
            continue
        if not fenced:
            lines.append(re.sub(r"`[^`]*`", "", line) if "](" not in line else line)
    return "\n".join(lines)


def slug(heading):
    heading = re.sub(r"<[^>]+>", "", heading).strip().lower()
    heading = re.sub(r"[^\w\- ]", "", heading)
    return heading.replace(" ", "-")


def anchors(path):
    found, fenced = set(), False
    counts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line.strip()):
            fenced = not fenced
            continue
        match = None if fenced else re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if match:
            base = slug(match.group(1))
            n = counts.get(base, 0)
            found.add(base if n == 0 else "%s-%d" % (base, n))
            counts[base] = n + 1
    return found


def main():
    files = [p for p in ROOT.rglob("*.md")
             if not any(part in ("target", "node_modules", ".git") for part in p.relative_to(ROOT).parts)]
    broken = 0
    for path in sorted(files):
        for target in LINK.findall(prose(path.read_text(encoding="utf-8"))):
            if re.match(r"^[a-z]+:", target):
                continue
            file_part, _, anchor = target.partition("#")
            resolved = (path.parent / file_part).resolve() if file_part else path
            if not resolved.exists():
                print("%s: %s: no such file" % (path.relative_to(ROOT), target))
                broken += 1
            elif anchor and resolved.is_file() and anchor not in anchors(resolved):
                print("%s: %s: no such anchor" % (path.relative_to(ROOT), target))
                broken += 1
    print("%d Markdown files, %d broken links" % (len(files), broken))
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
