"""The rules file is validated at load: a broken entry names the file and the key."""

from pathlib import Path

import pytest

from linkwijzer.datafiles import DataFileError
from linkwijzer.questionnaire.rules import RULES_PATH, load_rules


def broken(tmp_path: Path, old: str, new: str) -> Path:
    source = RULES_PATH.read_text(encoding="utf-8")
    assert old in source, f"fixture text {old!r} not in rules.toml"
    path = tmp_path / "rules.toml"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old,new,key", [
    ('pass_at = 2', 'pass_at = "two"', "quick_test.pass_at"),
    ('good = "pursue"', 'good = "celebrate"', "decision.good"),
    ('trait = "relevance"\nanswers = ["no"]', 'trait = "relevancy"\nanswers = ["no"]',
     "patterns.features.irrelevant_source.trait"),
    ('{ fact = "nofollow" }', '{ fact = "dofollow" }', "reassurances.nofollow_logical.when[0].fact"),
    ('weak_if_no = ["relevance"]', 'weak_if_no = ["speed"]', "outcome.weak_if_no"),
    ('ids = ["traffic", "combination", "intent"]', 'ids = ["traffic", "traffic"]', "boosters.ids"),
    ('[outcome]\n', '[outcomes]\n', "outcome.insufficient_unknown_at"),
])
def test_broken_rules_name_file_and_key(tmp_path, old, new, key):
    path = broken(tmp_path, old, new)
    with pytest.raises(DataFileError) as caught:
        load_rules(path)
    assert caught.value.key == key
    assert str(path) in str(caught.value)


def test_invalid_toml_names_the_file(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text("[quick_test\npass_at = 2", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid TOML"):
        load_rules(path)


def test_an_id_without_text_is_refused(tmp_path):
    path = broken(tmp_path, 'ids = ["traffic", "combination", "intent"]', 'ids = ["traffic", "combination", "intent", "press"]')
    with pytest.raises(DataFileError, match="boosters.press: missing text"):
        load_rules(path)


def test_the_shipped_rules_load():
    rules = load_rules()
    assert rules.traits == ("relevance", "context", "origin", "naturalness", "contribution")
    assert rules.answers == ("yes", "partly", "no", "unknown")
    assert rules.boosters == ("traffic", "combination", "intent")
