#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The icons in data/icons follow the freedesktop and GNOME conventions.

usage: check-icons.py ICON_DIR

io.github.certo.Certo.svg: well-formed SVG on a 128×128 canvas.
io.github.certo.Certo-symbolic.svg: well-formed SVG on a 16×16 canvas,
one colour, no gradients, images or text (GTK recolours symbolic icons).
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
BASE = "io.github.certo.Certo"


def canvas(root):
    return (root.get("width"), root.get("height"), root.get("viewBox"))


def colours(root):
    found = set()
    for el in root.iter():
        for attr in ("fill", "stroke", "stop-color"):
            v = el.get(attr)
            if v and v not in ("none",):
                found.add(v.lower())
        style = el.get("style") or ""
        for m in re.finditer(r"(?:fill|stroke|stop-color)\s*:\s*([^;]+)", style):
            if m.group(1).strip() != "none":
                found.add(m.group(1).strip().lower())
    return found


def main():
    if len(sys.argv) != 2:
        print("usage: check-icons.py ICON_DIR", file=sys.stderr)
        return 2
    folder = sys.argv[1]
    problems = []
    specs = {
        BASE + ".svg": ("128", "128", "0 0 128 128"),
        BASE + "-symbolic.svg": ("16", "16", "0 0 16 16"),
    }
    for name, want in specs.items():
        path = os.path.join(folder, name)
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            problems.append(f"{name}: {e}")
            continue
        if root.tag != SVG + "svg":
            problems.append(f"{name}: not an SVG document")
            continue
        if canvas(root) != want:
            problems.append(f"{name}: canvas is {canvas(root)}, not {want}")
        if name.endswith("-symbolic.svg"):
            used = colours(root)
            if len(used) > 1:
                problems.append(f"{name}: {len(used)} colours ({', '.join(sorted(used))}); a symbolic icon has one")
            for tag in ("linearGradient", "radialGradient", "image", "text"):
                if root.find(".//" + SVG + tag) is not None:
                    problems.append(f"{name}: has <{tag}>, which GTK cannot recolour")
    extra = sorted(set(os.listdir(folder)) - set(specs))
    for name in extra:
        if name.endswith(".svg") and not name.endswith("-symbolic.svg"):
            problems.append(f"{name}: unexpected; only symbolic icons the theme lacks belong here besides the app icon")
    if problems:
        print("\n".join(problems))
        return 1
    print("icons: the application icon and its symbolic variant are well-formed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
