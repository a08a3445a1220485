#!/usr/bin/env python3
"""Counts test cases in Meson's testlog.json and prints `N passed, N failed`.

A TAP test program counts each of its cases; a program that crashed or timed
out without reporting its cases counts as one failure. With
CERTO_REQUIRE_REAL_INPUT=1, a skipped case in the "real-input" suite is a
failure: CI sets it when ../shared exists.
"""
import json
import os
import re
import sys

TAP = re.compile(r'^(not ok|ok)\b(.*)$')


def main(path):
    passed = failed = skipped = 0
    real_input_skips = []
    require_real = os.environ.get('CERTO_REQUIRE_REAL_INPUT') == '1'
    with open(path, encoding='utf-8') as log:
        for line in log:
            entry = json.loads(line)
            suites = [s.split(':')[-1] for s in entry.get('suite', [])]
            cases = 0
            entry_failed = 0
            for out in (entry.get('stdout') or '').splitlines():
                m = TAP.match(out)
                if not m:
                    continue
                cases += 1
                rest = m.group(2)
                if '# SKIP' in rest.upper():
                    skipped += 1
                    if 'real-input' in suites:
                        real_input_skips.append(f"{entry['name']}:{rest.strip()}")
                elif m.group(1) == 'ok' or '# TODO' in rest.upper():
                    passed += 1
                else:
                    failed += 1
                    entry_failed += 1
            result = entry.get('result')
            if cases == 0:
                if result in ('OK', 'EXPECTEDFAIL'):
                    passed += 1
                elif result == 'SKIP':
                    skipped += 1
                    if 'real-input' in suites:
                        real_input_skips.append(entry['name'])
                else:
                    failed += 1
            elif result in ('FAIL', 'TIMEOUT', 'ERROR', 'UNEXPECTEDPASS') and entry_failed == 0:
                # the program died after its last reported case
                failed += 1
    if require_real and real_input_skips:
        for s in real_input_skips:
            print(f'real-input test skipped although ../shared exists: {s}', file=sys.stderr)
        failed += len(real_input_skips)
    line = f'{passed} passed, {failed} failed'
    if skipped:
        line += f', {skipped} skipped'
    print(line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
