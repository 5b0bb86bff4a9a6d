"""Write resources/pinyin/hanzi.txt: the pinyin (no tones) of every Chinese character search keys can hold.

    python packaging/pinyin_table.py

Search keys need one reading per character (张 -> zhang), which is what
pypinyin's ``lazy_pinyin(char)`` answers; but importing pypinyin builds its
phrase dictionary and word segmenter first (a fifth of a second, on every
start that indexes a name).  The app reads this table instead (a few
milliseconds), and tests/test_pinyin_table.py checks it still matches pypinyin for
every character.  Run this again after upgrading pypinyin if that test fails.

One line per syllable: the syllable, a tab, then its characters.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pypinyin import Style, lazy_pinyin

TABLE = Path(__file__).resolve().parents[1] / "resources" / "pinyin" / "hanzi.txt"
FIRST, LAST = 0x3400, 0x9FFF  # the characters search.pinyin_keys reads (CJK Extension A and Unified Ideographs)


def readings() -> dict[str, str]:
    """Each character pypinyin knows, with the syllable it reads it as alone."""
    found = {}
    for code in range(FIRST, LAST + 1):
        char = chr(code)
        syllable = lazy_pinyin(char, style=Style.NORMAL)[0]
        if syllable != char:
            found[char] = syllable
    return found


def main() -> None:
    by_syllable: dict[str, list[str]] = defaultdict(list)
    for char, syllable in readings().items():
        by_syllable[syllable].append(char)
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text("".join(f"{s}\t{''.join(chars)}\n" for s, chars in sorted(by_syllable.items())),
                     encoding="utf-8")
    print(f"{TABLE}: {sum(map(len, by_syllable.values())):,} characters, {len(by_syllable)} syllables")


if __name__ == "__main__":
    main()
