#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates the translation template from the sources and checks that
every string is translated.

usage: check-translations.py [--pot OUT] SOURCE_DIR [PO_FILE…]

The template is made with xgettext from every file of the tree that holds
translatable strings, found by looking inside the files (not from
po/POTFILES.in, so a file left out of it is caught too), with the keywords
of Meson's glib preset. Each PO file (default: every language of
po/LINGUAS) must have every string, translated (a non-empty msgstr for
every plural form) and not fuzzy. Fails with the list of strings to
translate and the files they come from.

--pot OUT also writes the template, for `msgmerge --update po/it.po OUT`.
Exit status 77 (skipped) when xgettext is not installed.
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import translatable  # noqa: E402

# Meson's i18n.gettext(preset: 'glib'), plus --add-comments for translator notes
GLIB_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format", "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_printerr:1:c-format", "--flag=g_print:1:c-format",
]

# ITS rules gettext 0.21 and the GNOME stack ship, by kind of file
ITS_FILES = {
    "ui": ["gtk4builder.its", "gtkbuilder.its"],
    "metainfo": ["metainfo.its"],
    "gschema": ["gschema.its", "gsettings.its"],
    "mime": ["shared-mime-info.its"],
}
ITS_DIRS = ["/usr/share/gettext/its", "/usr/local/share/gettext/its"]


def its_dirs():
    dirs = []
    for d in os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":"):
        if d:
            dirs.append(os.path.join(d, "gettext", "its"))
    dirs += ITS_DIRS
    for base in ("/usr/share", "/usr/local/share"):
        if os.path.isdir(base):
            for name in sorted(os.listdir(base), reverse=True):
                if name.startswith("gettext-"):
                    dirs.append(os.path.join(base, name, "its"))
    return dirs


def its_for(kind):
    for name in ITS_FILES.get(kind, []):
        for d in its_dirs():
            path = os.path.join(d, name)
            if os.path.isfile(path):
                return path
    return None


def xgettext_args(kind):
    if kind == "c":
        return ["--language=C"] + GLIB_ARGS
    if kind == "desktop":
        return ["--language=Desktop", "--from-code=UTF-8", "--add-comments"]
    if kind == "ui":
        its = its_for(kind)
        return (["--its=" + its] if its else ["--language=Glade"]) + ["--from-code=UTF-8", "--add-comments"]
    its = its_for(kind)
    # Without the rules xgettext still picks them by the file name
    return (["--its=" + its] if its else []) + ["--from-code=UTF-8", "--add-comments"]


def make_pot(srcdir, pot):
    files = translatable.find_translatable(srcdir)
    by_kind = {}
    for path, kind in files:
        by_kind.setdefault(kind, []).append(path)
    first = True
    for kind in sorted(by_kind):
        cmd = ["xgettext", "--package-name=certo", "--force-po", "--sort-by-file",
               "--output=" + pot] + xgettext_args(kind)
        if not first:
            cmd.append("--join-existing")
        cmd += by_kind[kind]
        result = subprocess.run(cmd, cwd=srcdir, capture_output=True, text=True)
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            raise SystemExit(f"xgettext failed on the {kind} files")
        first = False
    return files


# A PO file, as much of it as this check needs

def unquote(s):
    s = s.strip()
    if not (s.startswith('"') and s.endswith('"')):
        raise ValueError(f"not a quoted string: {s}")
    s = s[1:-1]
    out = []
    i = 0
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append(escapes.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_po(path):
    """Returns a list of entries: dicts with ctxt, id, plural, strs (list),
    fuzzy, refs (list of "file:line"). Obsolete (#~) entries are left out."""
    entries = []
    cur = None
    field = None

    def finish():
        nonlocal cur
        if cur is not None and cur.get("id") is not None:
            entries.append(cur)
        cur = None

    def new():
        return {"ctxt": None, "id": None, "plural": None, "strs": {}, "fuzzy": False, "refs": []}

    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                finish()
                field = None
                continue
            if line.startswith("#~"):
                continue
            if line.startswith("#"):
                if cur is not None and cur.get("id") is not None and field is not None and field != "comment":
                    finish()
                if cur is None:
                    cur = new()
                field = "comment"
                if line.startswith("#,"):
                    cur["fuzzy"] = cur["fuzzy"] or "fuzzy" in [x.strip() for x in line[2:].split(",")]
                elif line.startswith("#:"):
                    cur["refs"] += line[2:].split()
                continue
            try:
                if line.startswith("msgctxt "):
                    if cur is not None and cur.get("id") is not None:
                        finish()
                    if cur is None:
                        cur = new()
                    cur["ctxt"] = unquote(line[8:])
                    field = ("ctxt",)
                elif line.startswith("msgid_plural "):
                    cur["plural"] = unquote(line[13:])
                    field = ("plural",)
                elif line.startswith("msgid "):
                    if cur is not None and cur.get("id") is not None:
                        finish()
                    if cur is None:
                        cur = new()
                    cur["id"] = unquote(line[6:])
                    field = ("id",)
                elif line.startswith("msgstr["):
                    n = int(line[7:line.index("]")])
                    cur["strs"][n] = unquote(line[line.index("]") + 1:])
                    field = ("strs", n)
                elif line.startswith("msgstr "):
                    cur["strs"][0] = unquote(line[7:])
                    field = ("strs", 0)
                elif line.lstrip().startswith('"') and isinstance(field, tuple):
                    if field[0] == "strs":
                        cur["strs"][field[1]] += unquote(line)
                    else:
                        cur[field[0]] += unquote(line)
                else:
                    raise ValueError("unexpected line")
            except (ValueError, TypeError, AttributeError) as e:
                raise SystemExit(f"{path}:{lineno}: cannot read this line ({e}): {line}")
    finish()
    return entries


def show(s, limit=72):
    s = s.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
    return '"' + (s if len(s) <= limit else s[:limit - 1] + "…") + '"'


def check(pot_entries, po_path, srcdir):
    po = {(e["ctxt"], e["id"]): e for e in parse_po(po_path) if e["id"] != ""}
    problems = []   # (ref, what, entry)
    for e in pot_entries:
        if e["id"] == "":
            continue
        t = po.get((e["ctxt"], e["id"]))
        if t is None:
            what = "absent"
        elif t["fuzzy"]:
            what = "fuzzy"
        elif not t["strs"] or any(v == "" for v in t["strs"].values()):
            what = "untranslated"
        elif e["plural"] is not None and t["plural"] is None:
            what = "needs plural forms"
        else:
            continue
        problems.append((e["refs"][0] if e["refs"] else "?", what, e))

    rel = os.path.relpath(os.path.abspath(po_path), srcdir)
    if rel.startswith(".."):
        rel = po_path
    total = sum(1 for e in pot_entries if e["id"] != "")
    if not problems:
        print(f"{rel}: all {total} strings translated")
        return True

    counts = {}
    for _ref, what, _e in problems:
        counts[what] = counts.get(what, 0) + 1
    summary = ", ".join(f"{n} {w}" for w, n in sorted(counts.items()))
    print(f"{rel}: {len(problems)} of {total} strings to translate ({summary}):")

    def key(p):
        file, _, line = p[0].rpartition(":")
        return (file, int(line) if line.isdigit() else 0)

    current = None
    for ref, what, e in sorted(problems, key=key):
        file = ref.rpartition(":")[0] or ref
        if file != current:
            print(f"\n{file}")
            current = file
        ctxt = f"[{e['ctxt']}] " if e["ctxt"] is not None else ""
        others = f"  (also {', '.join(e['refs'][1:4])}{'…' if len(e['refs']) > 4 else ''})" if len(e["refs"]) > 1 else ""
        print(f"  {ref}: {what}: {ctxt}{show(e['id'])}{others}")
    print(f"\n{rel}: {len(problems)} of {total} strings to translate ({summary})")
    return False


def main():
    args = sys.argv[1:]
    pot_out = None
    if len(args) >= 2 and args[0] == "--pot":
        pot_out = args[1]
        args = args[2:]
    if not args:
        print("usage: check-translations.py [--pot OUT] SOURCE_DIR [PO_FILE…]", file=sys.stderr)
        return 2
    srcdir = os.path.abspath(args[0])
    po_files = args[1:]
    if not po_files:
        with open(os.path.join(srcdir, "po", "LINGUAS"), encoding="utf-8") as f:
            langs = [w for line in f for w in line.split("#")[0].split()]
        po_files = [os.path.join(srcdir, "po", lang + ".po") for lang in langs]

    if shutil.which("xgettext") is None:
        print("xgettext is not installed (apt-get install gettext): skipped")
        return 77

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "certo.pot")
        files = make_pot(srcdir, pot)
        if pot_out:
            shutil.copyfile(pot, pot_out)
        pot_entries = parse_po(pot)
    print(f"template: {sum(1 for e in pot_entries if e['id'] != '')} strings from {len(files)} files\n")

    ok = True
    for po_file in po_files:
        ok = check(pot_entries, po_file, srcdir) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
