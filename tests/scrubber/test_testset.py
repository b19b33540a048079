"""The recall bars of issue 6 on the labelled test set, and the test set's own consistency."""
import json
from pathlib import Path

import pytest

from handoff_api.scrubber.checksums import bsn_valid, iban_valid, rrn_valid
from handoff_api.scrubber.evaluate import BARS, evaluate, load

HERE = Path(__file__).resolve().parent
TESTSET = HERE / "scrub_testset.jsonl"


@pytest.fixture(scope="module")
def rows():
    return load(TESTSET)


@pytest.fixture(scope="module")
def report(rows, scrubber):
    return evaluate(rows, scrubber)


def test_testset_is_big_and_varied(rows):
    assert len(rows) >= 200
    clean = [r for r in rows if not r["spans"]]
    assert len(clean) >= 80, "need many sentences without personal data to measure false positives"
    for label in BARS:
        assert sum(s["type"] == label for r in rows for s in r["spans"]) >= 12, label


def test_jsonl_matches_source():
    """scrub_testset.jsonl is generated from scrub_testset.src.txt; they must not drift apart."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_testset", HERE / "build_testset.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    expected = [build.parse(line.strip()) for line in build.SRC.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.strip().startswith("#")]
    actual = [json.loads(line) for line in TESTSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert actual == expected


def test_labelled_spans_are_consistent(rows):
    for row in rows:
        for span in row["spans"]:
            assert row["text"][span["start"]:span["end"]] == span["text"]
            value = span["text"]
            if span["type"] == "IBAN":
                assert iban_valid(value), value
            elif span["type"] == "RIJKSREGISTERNUMMER":
                assert rrn_valid(value), value
            elif span["type"] == "BSN":
                assert bsn_valid(value), value


@pytest.mark.parametrize("label", sorted(BARS))
def test_recall_bar(report, label):
    score = report.scores[label]
    assert score.gold > 0
    assert score.recall >= BARS[label], (
        f"{label} recall {score.recall:.3f} < {BARS[label]}; missed: "
        + "; ".join(m["gold"] for m in report.misses if m["type"] == label)
    )


def test_few_false_positives_on_ordinary_sentences(report):
    # At most 5% of the sentences without personal data may be altered at all.
    assert report.clean_sentences_altered <= 0.05 * report.clean_sentences, report.false_positives


def test_evaluate_exits_nonzero_when_a_bar_fails(tmp_path, capsys):
    from handoff_api.scrubber.evaluate import main

    bad = tmp_path / "bad.jsonl"
    # A phone number the scrubber cannot see (described, not written) must fail the phone bar
    # and the structured bar of issue 11; types the set does not hold fail nothing.
    text = "bel mijn oude nummer van vroeger"
    bad.write_text(json.dumps({"text": text, "spans": [{"start": 4, "end": len(text), "type": "TELEFOON"}]}) + "\n")
    assert main([str(bad)]) == 1
    out = capsys.readouterr().out
    assert "BARS FAILED: TELEFOON: recall 0.0 < 0.98; structured recall 0.000 < 0.99" in out
    assert main([str(TESTSET)]) == 0


@pytest.mark.parametrize("name", ["scrub_testset", "scrub_challenge", "scrub_blind2", "scrub_libraries",
                                  "scrub_independent"])
def test_issue_11_bars_on_the_tuned_sets(name, scrubber):
    """The sets tuned on meet every bar; scrub_independent counts among them since it was tuned
    on after its first blind score (README). A new blind set is only reported, never asserted."""
    report = evaluate(load(HERE / f"{name}.jsonl"), scrubber)
    assert report.failed_bars() == [], report.misses


def test_other_source_files_match_their_jsonl():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_testset", HERE / "build_testset.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for name in ["scrub_challenge", "scrub_blind2", "scrub_libraries"]:
        src = HERE / f"{name}.src.txt"
        assert [json.loads(line) for line in (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()] == build.build(src), name


def test_blind_sets_are_reported_without_their_texts(tmp_path, capsys):
    from handoff_api.scrubber.evaluate import main

    blind = tmp_path / "blind.jsonl"
    text = "bel mijn oude nummer van vroeger"
    blind.write_text(json.dumps({"text": text, "spans": [{"start": 4, "end": len(text), "type": "TELEFOON"}]}) + "\n")
    assert main([str(blind), "--blind", str(blind)]) == 1
    out = capsys.readouterr().out
    assert "Missed (not fully covered by its own type): 1" in out and "oude nummer" not in out


def test_blind_sets_give_no_texts_in_json_either(tmp_path, capsys):
    from handoff_api.scrubber.evaluate import main

    blind = tmp_path / "blind.jsonl"
    text = "bel mijn oude nummer van vroeger"
    blind.write_text(json.dumps({"text": text, "spans": [{"start": 4, "end": len(text), "type": "TELEFOON"}]}) + "\n")
    assert main([str(blind), "--blind", str(blind), "--json"]) == 1
    out = capsys.readouterr().out
    assert "oude nummer" not in out
    assert json.loads(out)[str(blind)]["misses"] == 1


def test_roles_are_printed_beside_the_figures(tmp_path, capsys):
    from handoff_api.scrubber.evaluate import main

    tuned, blind = tmp_path / "tuned.jsonl", tmp_path / "fresh.jsonl"
    for path in (tuned, blind):
        path.write_text(json.dumps({"text": "het regent", "spans": []}) + "\n")
    assert main([str(tuned), str(blind), "--blind", str(blind),
                 "--role", f"{tuned}=independent (tuned after first score)"]) == 0
    summary = capsys.readouterr().out.split("Summary")[1]
    rows = {line.split()[0]: line for line in summary.splitlines()[2:] if line.strip()}
    assert "independent (tuned after first score)" in rows["tuned.jsonl"]
    assert "blind" in rows["fresh.jsonl"] and "1.000 (1/1) ok" in rows["fresh.jsonl"]


def test_a_role_needs_a_path_and_a_text():
    from handoff_api.scrubber.evaluate import main

    with pytest.raises(SystemExit, match="PATH=ROLE"):
        main([str(HERE / "scrub_blind2.jsonl"), "--role", "scrub_blind2.jsonl"])
