"""The pinyin table the search keys are built from reads every character as pypinyin does."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

from solocrm.services.search import pinyin_keys, syllable


def test_every_character_reads_as_pypinyin_reads_it_alone() -> None:
    # Search keys and duplicate keys join single-character readings, so one character at a time is the whole contract.
    differing = [chr(c) for c in range(0x3400, 0xA000)
                 if syllable(chr(c)) != lazy_pinyin(chr(c), style=Style.NORMAL)[0]]
    assert differing == [], "run python packaging/pinyin_table.py after upgrading pypinyin"


def test_names_read_in_full_and_as_initials() -> None:
    assert pinyin_keys("张三") == "zhangsan zs"
    assert pinyin_keys("吕绿") == "lvlv ll"  # ü written v, as typed on a keyboard
    assert pinyin_keys("Anna") == ""
