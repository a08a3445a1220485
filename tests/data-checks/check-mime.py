#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shared-mime-info package of Certo's workspaces compiles cleanly.

usage: check-mime.py PACKAGE_XML

Runs update-mime-database on a temporary copy of a MIME database holding
the system's freedesktop.org.xml (so sub-class-of resolves) and the given
package, and fails on any warning or when the compiled database lacks the
workspace type, its *.certo glob, its parent type or its magic. Exit status
77 (skipped) when update-mime-database is not installed.
"""
import os
import shutil
import subprocess
import sys
import tempfile

MIME_TYPE = "application/x-certo-workspace"
SYSTEM_PACKAGES = ["/usr/share/mime/packages/freedesktop.org.xml"]


def main():
    if len(sys.argv) != 2:
        print("usage: check-mime.py PACKAGE_XML", file=sys.stderr)
        return 2
    package = sys.argv[1]
    tool = shutil.which("update-mime-database")
    if tool is None:
        print("update-mime-database is not installed (apt-get install shared-mime-info): skipped")
        return 77

    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        mime = os.path.join(tmp, "mime")
        packages = os.path.join(mime, "packages")
        os.makedirs(packages)
        for system in SYSTEM_PACKAGES:
            if os.path.isfile(system):
                shutil.copy(system, packages)
        # Only *.xml files are read: the source (*.xml.in) works too
        shutil.copy(package, os.path.join(packages, "io.github.certo.Certo.xml"))

        # The temporary folder in the search path keeps the tool from
        # printing a note about it
        env = dict(os.environ, PKGSYSTEM_ENABLE_FSYNC="0", XDG_DATA_DIRS=tmp,
                   XDG_DATA_HOME=os.path.join(tmp, "home"))
        result = subprocess.run([tool, "-V", mime], capture_output=True, text=True, env=env)
        # -V lists what it reads; warnings and errors go to stderr
        for line in result.stderr.splitlines():
            if line.strip():
                failures.append("update-mime-database: " + line)
        if result.returncode != 0:
            failures.append(f"update-mime-database exited with status {result.returncode}")

        def read(name):
            path = os.path.join(mime, name)
            if not os.path.exists(path):
                failures.append(f"the database has no {name}")
                return ""
            with open(path, "rb") as f:
                return f.read().decode("utf-8", "replace")

        if not os.path.isfile(os.path.join(mime, *MIME_TYPE.split("/")) + ".xml"):
            failures.append(f"{MIME_TYPE} is not in the compiled database")
        if MIME_TYPE not in read("types"):
            failures.append(f"{MIME_TYPE} is not listed in types")
        globs = read("globs2")
        if f":{MIME_TYPE}:*.certo" not in globs:
            failures.append(f"*.certo does not map to {MIME_TYPE} in globs2")
        if f"{MIME_TYPE} application/vnd.sqlite3" not in read("subclasses"):
            failures.append(f"{MIME_TYPE} is not a subclass of application/vnd.sqlite3")
        magic = read("magic")
        if f"]:{MIME_TYPE}]" not in magic and f":{MIME_TYPE}]" not in magic:
            failures.append(f"{MIME_TYPE} has no magic rule")
        elif "CrtW" not in magic:
            failures.append("the magic rule does not test the application_id CrtW (0x43727457)")

    if failures:
        print("\n".join(failures))
        return 1
    print(f"{os.path.basename(package)}: {MIME_TYPE} compiles with its glob, parent type and magic")
    return 0


if __name__ == "__main__":
    sys.exit(main())
