#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates catalog feeds against the JSON Schema publishers use.

usage: validate-schema.py SCHEMA (FILE | DIRECTORY)...

Every *.json file given, or found in a directory, must be valid, except
those named bad-*.json, which must be refused: the schema and Certo's
parser agree on what a good feed is. Exit status 77 (skipped) when
python3-jsonschema is not installed.
"""
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed (apt-get install python3-jsonschema): skipped")
    sys.exit(77)


def feeds(paths):
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".json"):
                    yield os.path.join(path, name)
        else:
            yield path


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2

    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        if hasattr(jsonschema.Draft202012Validator, "FORMAT_CHECKER")
        else jsonschema.draft202012_format_checker)

    failures = 0
    checked = 0
    for path in feeds(argv[2:]):
        checked += 1
        with open(path, encoding="utf-8") as f:
            feed = json.load(f)
        errors = sorted(validator.iter_errors(feed), key=lambda e: list(e.absolute_path))
        expect_bad = os.path.basename(path).startswith("bad-")
        if expect_bad and not errors:
            print(f"FAIL {path}: expected the schema to refuse it")
            failures += 1
        elif not expect_bad and errors:
            for error in errors:
                where = "/".join(str(p) for p in error.absolute_path) or "(root)"
                print(f"FAIL {path}: {where}: {error.message}")
            failures += 1
        else:
            print(f"ok {path}" + (f" (refused: {len(errors)} errors)" if expect_bad else ""))

    if checked == 0:
        print("no feeds to validate", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
