"""The last line of `make test` (scripts/test.sh): what ran, what was skipped.

    test_summary.py LOGS PARTS SUBSET SECONDS [FAILED_PART...]

Reads LOGS/PART.xml (pytest's JUnit report) of each pytest part. Exits 1 when
a part failed, or, unless SUBSET is "true", when a test was skipped or a part
ran no test: the whole suite means every test ran.
"""

import sys
import xml.etree.ElementTree as ET  # noqa: S405 - pytest's own report
from pathlib import Path

PYTEST_PARTS = ("sqlite", "postgres", "browser", "stack")


def counts(report):
    """(passed, failed, skipped, [skipped test: reason]) of a JUnit report."""
    passed = failed = 0
    skipped = []
    for case in ET.parse(report).iter("testcase"):  # noqa: S314
        name = f"{case.get('classname')}::{case.get('name')}"
        if case.find("skipped") is not None:
            reason = case.find("skipped").get("message", "")
            skipped.append(f"{name}: {reason}")
        elif case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        else:
            passed += 1
    return passed, failed, skipped


def main(logs, parts, subset, seconds, *failed_parts):
    logs, subset = Path(logs), subset == "true"
    words, skips, problems = [], [], list(failed_parts)
    for part in parts.split():
        if part not in PYTEST_PARTS:
            words.append(f"{part} {'FAILED' if part in failed_parts else 'ok'}")
            continue
        report = logs / f"{part}.xml"
        if not report.exists():
            words.append(f"{part} did not finish")
            problems.append(part)
            continue
        passed, failed, skipped = counts(report)
        text = f"{part} {passed} passed"
        if failed:
            text += f", {failed} failed"
        if skipped:
            text += f", {len(skipped)} skipped"
            skips += [f"  {part}: {line}" for line in skipped]
        words.append(text)
        if not subset and (skipped or not passed + failed):
            problems.append(part)
    problems = list(dict.fromkeys(problems))
    if skips:
        print("Skipped:", *skips, sep="\n")
    verdict = "FAILED (" + ", ".join(problems) + ")" if problems else "passed"
    minutes, rest = divmod(int(seconds), 60)
    print(f"make test {verdict} in {minutes} min {rest} s: " + "; ".join(words))
    if skips and not subset:
        print("A skipped test is a failure here: `make test` runs everything.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
