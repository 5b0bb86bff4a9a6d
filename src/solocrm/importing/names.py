"""Keys that make near-identical names meet: 张伟 / 伟张 / 張偉 / 章伟 (same pinyin).

Two customers whose keys are equal and who share a company or a city are
possible duplicates.  Conversion is per character with a cache, and each
whole name, company or city is keyed once, so keying 100,000 names costs
little more than reading them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from solocrm.services.search import pinyin_keys

_IGNORED = re.compile(r"[\s·・.\-_,，()（）]+")


@lru_cache(maxsize=1)
def _converter():  # noqa: ANN202 - opencc.OpenCC
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=50000)
def _char_parts(char: str) -> tuple[str, str]:
    """One character simplified (lower case for Latin), and the pinyin of what it became ("" if not Chinese)."""
    simple = char.lower() if char.isascii() else _converter().convert(char)
    return simple, pinyin_keys(simple).split(" ", 1)[0]


@lru_cache(maxsize=1 << 17)
def simplified(text: str) -> str:
    return "".join([_char_parts(ch)[0] for ch in _IGNORED.sub("", text)])


@lru_cache(maxsize=1 << 17)
def _name_keys(name: str) -> tuple[str, ...]:
    """The keys a name is found by, strongest first: its characters, then its pinyin (when it has one).

    Built in one pass over the characters: an import keys every distinct name of the file.
    """
    parts = [_char_parts(ch) for ch in _IGNORED.sub("", name)]
    chars = "c" + "".join(sorted("".join([simple for simple, _pinyin in parts])))
    pinyin = "".join([syllables for _simple, syllables in parts])
    return (chars, "p" + pinyin) if pinyin else (chars,)


def char_key(name: str) -> str:
    """The name's characters, simplified and sorted: equal for 张伟, 伟张 and 張偉."""
    return _name_keys(name)[0][1:]


def pinyin_key(name: str) -> str:
    """The simplified name read aloud (zhangwei for 张伟 and 章伟); "" for names without Chinese."""
    keys = _name_keys(name)
    return keys[1][1:] if len(keys) > 1 else ""


class NameIndex:
    """The first customer seen for each near-identical name in each company and city.

    Answers "who might this be?" with a few dictionary look-ups however many
    namesakes there are: the same characters (in any order, traditional or
    simplified) come before the same pinyin, and among equals the customer
    seen first wins.
    """

    def __init__(self) -> None:
        self._first: dict[tuple[str, str, str], tuple[int, int, str]] = {}

    def add(self, cid: int, name: str, company: str | None, city: str | None) -> tuple[int, str, str] | None:
        """Remember ``cid``; returns (id, name, reason) of the first similar customer added before it, if any."""
        if not company and not city:
            return None
        company_key = simplified(company) if company else None
        city_key = simplified(city) if city else None
        entry = (len(self._first), cid, name)
        remember = self._first.setdefault
        match = None
        for key in _name_keys(name):
            earliest = None
            if company_key is not None:
                first = remember((key, "co", company_key), entry)
                if first is not entry:
                    earliest = first
            if city_key is not None:
                first = remember((key, "ci", city_key), entry)
                if first is not entry and (earliest is None or first[0] < earliest[0]):
                    earliest = first
            match = match or earliest
        if match is None:
            return None
        _order, other_id, other_name = match
        if other_name == name:
            reason = "same name"
        elif simplified(other_name) == simplified(name):
            reason = "traditional/simplified"
        elif char_key(other_name) == char_key(name):
            reason = "name in another order"
        else:
            reason = "same pinyin"
        return other_id, other_name, reason
