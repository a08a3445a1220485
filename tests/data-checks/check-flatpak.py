#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifests parse and ask only for what Certo needs.

usage: check-flatpak.py MANIFEST…

The GNOME runtime cannot be downloaded here, so nothing is built:
`flatpak-builder --show-manifest` parses each manifest offline and must
print no warning (an unknown property or source type is only a warning to
it). Then the manifest's own rules: the id matches the file name and the
Meson profile; finish-args are exactly the permissions below (no
filesystem access: documents and workspaces come through the file chooser
portal, and a workspace is edited in a private working copy); every module
has a known build system; archives are pinned by sha256. Without
flatpak-builder only the manifests' own rules are checked, and a pass is
reported as skipped (exit status 77).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

# What each permission is for (the README's Flatpak section says the same)
ALLOWED_FINISH_ARGS = {
    "--share=network": "catalog sources, document downloads, link checks",
    "--share=ipc": "shared memory for X11 (fallback-x11)",
    "--socket=fallback-x11": "X11 only where there is no Wayland",
    "--socket=wayland": "the window",
    "--device=dri": "GPU rendering (GTK 4's GL renderer)",
}
REQUIRED_FINISH_ARGS = set(ALLOWED_FINISH_ARGS)
BUILD_SYSTEMS = {"meson", "cmake", "cmake-ninja", "autotools", "simple", "qmake"}
BASE_ID = "io.github.certo.Certo"


def policy(path, manifest):
    problems = []
    name = os.path.basename(path)
    app_id = manifest.get("id") or manifest.get("app-id")
    if name != f"{app_id}.json":
        problems.append(f"id {app_id!r} does not match the file name")
    if app_id not in (BASE_ID, BASE_ID + ".Devel"):
        problems.append(f"id {app_id!r} is neither {BASE_ID} nor {BASE_ID}.Devel")
    for key, want in (("runtime", "org.gnome.Platform"), ("sdk", "org.gnome.Sdk"), ("command", "certo")):
        if manifest.get(key) != want:
            problems.append(f"{key} is {manifest.get(key)!r}, not {want!r}")
    if not str(manifest.get("runtime-version", "")).strip():
        problems.append("runtime-version is missing")

    args = manifest.get("finish-args", [])
    for arg in args:
        if arg not in ALLOWED_FINISH_ARGS:
            problems.append(f"finish-arg {arg} is more than Certo needs")
    for arg in sorted(REQUIRED_FINISH_ARGS - set(args)):
        problems.append(f"finish-arg {arg} is missing ({ALLOWED_FINISH_ARGS[arg]})")

    modules = manifest.get("modules", [])
    names = [m.get("name") if isinstance(m, dict) else m for m in modules]
    if "libxlsxwriter" not in names:
        problems.append("no libxlsxwriter module (exports need it; the runtime lacks it)")
    if not names or names[-1] != "certo":
        problems.append("the last module is not certo")
    for m in modules:
        if not isinstance(m, dict):
            continue
        bs = m.get("buildsystem", "autotools")
        if bs not in BUILD_SYSTEMS:
            problems.append(f"module {m.get('name')}: unknown buildsystem {bs!r}")
        for s in m.get("sources", []):
            if s.get("type") in ("archive", "file") and "url" in s and not s.get("sha256"):
                problems.append(f"module {m.get('name')}: {s['url']} has no sha256")
            if s.get("type") == "git" and not (s.get("commit") or s.get("tag")):
                problems.append(f"module {m.get('name')}: git source pinned by neither tag nor commit")
        if m.get("name") == "certo":
            if m.get("buildsystem") != "meson":
                problems.append("certo is not built with meson")
            profile = "development" if app_id and app_id.endswith(".Devel") else "default"
            if f"-Dprofile={profile}" not in m.get("config-opts", []):
                problems.append(f"certo is not configured with -Dprofile={profile}")
    return problems


def main():
    manifests = sys.argv[1:]
    if not manifests:
        print("usage: check-flatpak.py MANIFEST…", file=sys.stderr)
        return 2
    tool = shutil.which("flatpak-builder")
    failed = False
    for path in manifests:
        problems = []
        try:
            with open(path, encoding="utf-8") as f:
                manifest = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{path}: {e}")
            failed = True
            continue
        if tool is not None:
            # flatpak-builder leaves a .flatpak-builder folder in its
            # working directory: keep it out of the trees
            with tempfile.TemporaryDirectory() as tmp:
                r = subprocess.run([tool, "--show-manifest", os.path.abspath(path)],
                                   capture_output=True, text=True, cwd=tmp)
            for line in r.stderr.splitlines():
                if line.strip():
                    problems.append("flatpak-builder: " + line.strip())
            if r.returncode != 0:
                problems.append(f"flatpak-builder --show-manifest exited with status {r.returncode}")
        problems += policy(path, manifest)
        if problems:
            failed = True
            print(f"{os.path.basename(path)}:")
            print("\n".join("  " + p for p in problems))
        else:
            print(f"{os.path.basename(path)}: valid")
    if failed:
        return 1
    if tool is None:
        print("flatpak-builder is not installed (apt-get install flatpak-builder): "
              "only the manifests' own rules were checked: skipped")
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
