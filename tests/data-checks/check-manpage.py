#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""certo-cli(1) renders cleanly and covers what certo-cli implements.

usage: check-manpage.py MANPAGE [CERTO_CLI]

1. groff renders the page with every warning on (-ww) and prints none
   (skipped when groff is not installed).
2. With CERTO_CLI: every command of `certo-cli --help`, every subcommand
   (workspace new, source add, …) and every long option of each command's
   --help is in the page, and the page's .TH carries the version
   `certo-cli --version` prints. A command added to the program but not to
   the page fails here.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def render_warnings(page):
    groff = shutil.which("groff")
    if groff is None:
        return None
    result = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", page],
                            capture_output=True, text=True)
    out = [l for l in result.stderr.splitlines() if l.strip()]
    if result.returncode != 0:
        out.append(f"groff exited with status {result.returncode}")
    return out


def run(cli, args, env):
    r = subprocess.run([cli] + args, capture_output=True, text=True, env=env)
    return r.returncode, r.stdout


def section(text, heading):
    """Lines under HEADING: up to the next blank line."""
    lines = text.splitlines()
    out = []
    inside = False
    for line in lines:
        if line.strip() == heading:
            inside = True
            continue
        if inside:
            if not line.strip():
                break
            out.append(line)
    return out


LONG_OPTION = re.compile(r"^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)")


def app_options(help_text):
    """Long options of a GOption --help, without the generic help ones."""
    opts = set()
    inside = False
    for line in help_text.splitlines():
        if line.endswith("Options:"):
            inside = not line.startswith("Help Options")
            continue
        if inside:
            m = LONG_OPTION.match(line)
            if m:
                opts.add(m.group(1))
    return opts


def check_cli(page_text, cli):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, LC_ALL="C.UTF-8", CERTO_DATA_DIR=tmp,
                   CERTO_CACHE_DIR=os.path.join(tmp, "cache"))
        env.pop("LANGUAGE", None)

        status, version = run(cli, ["--version"], env)
        m = re.match(r"certo-cli (\S+)", version)
        if status != 0 or not m:
            problems.append(f"certo-cli --version printed {version!r} (status {status})")
        else:
            th = re.search(r'^\.TH .*"Certo ([^"]+)"', page_text, re.M)
            if not th or th.group(1) != m.group(1):
                problems.append(f".TH does not say \"Certo {m.group(1)}\" (the version certo-cli prints)")

        status, top = run(cli, ["--help"], env)
        if status != 0:
            return problems + [f"certo-cli --help exited with status {status}"]
        commands = []
        for line in section(top, "Commands:"):
            words = line.split()
            if words:
                # "source add URL|list|remove ID|rename ID NAME" → source, [add, list, remove, rename]
                args = line.strip()[len(words[0]):].strip()
                args = re.split(r"\s{2,}", args)[0]
                subs = [alt.split()[0] for alt in args.split("|")
                        if alt.split() and re.fullmatch(r"[a-z][a-z-]*", alt.split()[0])]
                commands.append((words[0], subs))
        if not commands:
            problems.append("found no commands in certo-cli --help")

        options = set()
        for line in section(top, "Options:"):
            m = LONG_OPTION.match(line)
            if m:
                options.add(m.group(1))

        tags = man_tags(page_text)
        for name, subs in commands:
            if not any(t == name or t.startswith(name + " ") for t in tags):
                problems.append(f"command “{name}” has no entry in the page")
            status, text = run(cli, [name, "--help"], env)
            if status == 0:
                options |= app_options(text)
            if name == "workspace":
                # Its help lists one usage line per subcommand
                subs = sorted({m.group(1) for m in re.finditer(r"certo-cli workspace ([a-z][a-z-]*)", text)})
            for sub in subs:
                if name == "list":   # list's words are arguments, not subcommands
                    continue
                status, text = run(cli, [name, sub, "--help"], env)
                if status == 0:
                    options |= app_options(text)
                if name in ("workspace", "source", "offline", "cache") and \
                        not any(t == f"{name} {sub}" or t.startswith(f"{name} {sub} ") for t in tags):
                    problems.append(f"command “{name} {sub}” has no entry in the page")

        plain = page_text.replace("\\-", "-")
        for opt in sorted(options):
            if opt not in plain:
                problems.append(f"option {opt} is not in the page")
    return problems


def man_tags(page_text):
    """The first line of each .TP entry, as plain words."""
    tags = []
    lines = page_text.splitlines()
    for i, line in enumerate(lines[:-1]):
        if line.strip() == ".TP":
            tag = lines[i + 1]
            tag = re.sub(r"^\.\w+\s*", "", tag)
            tag = re.sub(r"\\f[BIRP]|\\\||\\~", "", tag)
            tag = tag.replace("\\-", "-").replace('"', "")
            tags.append(" ".join(tag.split()))
    return tags


def main():
    if len(sys.argv) not in (2, 3):
        print("usage: check-manpage.py MANPAGE [CERTO_CLI]", file=sys.stderr)
        return 2
    page = sys.argv[1]
    with open(page, encoding="utf-8") as f:
        page_text = f.read()

    problems = []
    warnings = render_warnings(page)
    if warnings is None:
        print("groff is not installed: rendering not checked")
    else:
        problems += [f"groff: {w}" for w in warnings]
    if len(sys.argv) == 3:
        problems += check_cli(page_text, sys.argv[2])

    if problems:
        print(f"{os.path.basename(page)}:")
        print("\n".join("  " + p for p in problems))
        return 1
    if warnings is None and len(sys.argv) == 2:
        return 77
    print(f"{os.path.basename(page)} renders without warnings and covers every command and option")
    return 0


if __name__ == "__main__":
    sys.exit(main())
