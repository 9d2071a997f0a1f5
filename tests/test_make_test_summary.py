"""`make test`'s closing line (scripts/test_summary.py): a skipped test or a
part that ran nothing fails the whole run, unless a subset was asked for."""

from scripts.test_summary import main

REPORT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest">
<testcase classname="tests.test_a" name="test_one" time="0.1"/>
<testcase classname="tests.test_a" name="test_two" time="0.1"/>
{extra}
</testsuite></testsuites>
"""
SKIPPED = (
    '<testcase classname="tests.test_varnish" name="test_stack" time="0">'
    '<skipped message="varnishd not found" /></testcase>'
)
FAILED = (
    '<testcase classname="tests.test_b" name="test_bad" time="0">'
    '<failure message="assert 1 == 2" /></testcase>'
)


def write(folder, part, extra=""):
    (folder / f"{part}.xml").write_text(REPORT.format(extra=extra))


def test_everything_passed(tmp_path, capsys):
    write(tmp_path, "sqlite")
    write(tmp_path, "browser")
    assert main(tmp_path, "checks sqlite browser", "false", "75") == 0
    line = capsys.readouterr().out.strip()
    assert line == (
        "make test passed in 1 min 15 s: checks ok; sqlite 2 passed; browser 2 passed"
    )


def test_a_skip_fails_the_whole_run_and_is_named(tmp_path, capsys):
    write(tmp_path, "stack", SKIPPED)
    assert main(tmp_path, "stack", "false", "10") == 1
    out = capsys.readouterr().out
    assert "tests.test_varnish::test_stack: varnishd not found" in out
    assert "make test FAILED (stack) in 0 min 10 s: stack 2 passed, 1 skipped" in out


def test_a_subset_may_skip(tmp_path, capsys):
    write(tmp_path, "stack", SKIPPED)
    assert main(tmp_path, "stack", "true", "10") == 0


def test_failures_a_missing_report_and_an_empty_part_fail(tmp_path, capsys):
    write(tmp_path, "sqlite", FAILED)
    assert main(tmp_path, "sqlite", "true", "10", "sqlite") == 1
    assert "sqlite 2 passed, 1 failed" in capsys.readouterr().out
    assert main(tmp_path, "postgres", "true", "10") == 1
    assert "postgres did not finish" in capsys.readouterr().out
    (tmp_path / "browser.xml").write_text(
        REPORT.format(extra="").replace(
            '<testcase classname="tests.test_a" name="test_one" time="0.1"/>\n'
            '<testcase classname="tests.test_a" name="test_two" time="0.1"/>',
            "",
        )
    )
    assert main(tmp_path, "browser", "false", "10") == 1
    assert main(tmp_path, "checks", "false", "10", "checks") == 1
    assert "checks FAILED" in capsys.readouterr().out
