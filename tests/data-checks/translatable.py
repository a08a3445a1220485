# SPDX-License-Identifier: GPL-3.0-or-later
"""Which files of the source tree carry translatable strings.

Shared by check-potfiles.py and check-translations.py. The files are found
by looking inside them, never from po/POTFILES.in: the point of both checks
is to catch a file somebody forgot to list there.
"""
import os
import re

# Directories never scanned: not shipped (tests, benchmarks), not sources
# (po, flatpak, docs), or generated (build directories, found by their
# meson-private folder, and Flatpak's state).
SKIP_DIRS = {".git", "tests", "bench", "po", "flatpak", "docs", "subprojects",
             "_build", "_install", ".flatpak-builder", "build-aux"}

# A gettext call with a string literal, as Meson's glib preset extracts them
C_CALL = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\s*\(\s*"'
    r'|(?<![A-Za-z0-9_])(?:g_dgettext|g_dcgettext|g_dngettext|g_dpgettext2|g_dpgettext|ngettext)\s*\(')
UI_TRANSLATABLE = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')


def is_build_dir(path):
    return (os.path.isdir(os.path.join(path, "meson-private"))
            or os.path.isfile(os.path.join(path, "build.ninja")))


def kind_of(path):
    """What xgettext needs to know about a file: "c", "ui", "desktop",
    "metainfo", "gschema", "mime", or None for a file with no strings."""
    name = os.path.basename(path)
    bare = name
    while bare.endswith(".in"):
        bare = bare[:-3]
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return None

    if bare.endswith((".c", ".h")):
        return "c" if C_CALL.search(text) else None
    if bare.endswith(".ui"):
        return "ui" if UI_TRANSLATABLE.search(text) else None
    if bare.endswith(".desktop"):
        return "desktop"
    if bare.endswith((".metainfo.xml", ".appdata.xml")):
        return "metainfo"
    if bare.endswith(".gschema.xml"):
        return "gschema" if re.search(r"<(summary|description)\b", text) else None
    if bare.endswith(".xml") and "<mime-info" in text:
        return "mime" if "<comment" in text else None
    return None


def find_translatable(srcdir):
    """Yields (relative path, kind) for every file with translatable strings,
    sorted by path."""
    found = []
    for root, dirs, files in os.walk(srcdir):
        rel_root = os.path.relpath(root, srcdir)
        keep = []
        for d in dirs:
            full = os.path.join(root, d)
            if d.startswith(".") or (rel_root == "." and d in SKIP_DIRS) or is_build_dir(full):
                continue
            keep.append(d)
        dirs[:] = keep
        for name in files:
            full = os.path.join(root, name)
            kind = kind_of(full)
            if kind is not None:
                found.append((os.path.normpath(os.path.relpath(full, srcdir)), kind))
    return sorted(found)


def read_potfiles(srcdir):
    """The entries of po/POTFILES.in, in order, without comments."""
    entries = []
    with open(os.path.join(srcdir, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                entries.append(line)
    return entries
