#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file with translatable strings is listed in po/POTFILES.in.

usage: check-potfiles.py SOURCE_DIR

A file that calls _(), N_(), C_(), NC_(), g_dngettext() … with a string, a
.ui file with translatable="yes", and the desktop, metainfo, GSettings and
shared-mime-info sources must be listed, or its strings never reach the
translators. Fails with the list of files to add (and of listed files that
do not exist, which break `ninja certo-pot`); listed files without strings
are only reported.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import translatable  # noqa: E402


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    srcdir = sys.argv[1]
    listed = translatable.read_potfiles(srcdir)
    listed_set = set(listed)
    found = translatable.find_translatable(srcdir)
    found_set = {path for path, _kind in found}

    missing = [path for path, _kind in found if path not in listed_set]
    absent = [p for p in listed if not os.path.exists(os.path.join(srcdir, p))]
    duplicates = sorted({p for p in listed if listed.count(p) > 1})
    idle = [p for p in listed if p not in found_set and p not in absent]

    for p in idle:
        print(f"note: {p} is listed but has no translatable strings")
    for p in duplicates:
        print(f"note: {p} is listed more than once")

    failed = False
    if missing:
        failed = True
        print(f"\n{len(missing)} file(s) with translatable strings are missing from po/POTFILES.in; add these lines:")
        for p in missing:
            print(f"  {p}")
    if absent:
        failed = True
        print(f"\n{len(absent)} file(s) listed in po/POTFILES.in do not exist; remove these lines:")
        for p in absent:
            print(f"  {p}")
    if failed:
        return 1
    print(f"po/POTFILES.in lists all {len(found)} files with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
