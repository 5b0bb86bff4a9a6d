"""Keys that make near-identical names meet: 张伟 / 伟张 / 張偉 / 章伟 (same pinyin).

Two customers whose keys are equal and who share a company or a city are
possible duplicates.  Conversion is per character with a cache, so keying
100,000 names costs little more than reading them.
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
def simplified_char(char: str) -> str:
    if char.isascii():
        return char.lower()
    return _converter().convert(char)


def simplified(text: str) -> str:
    return "".join(simplified_char(ch) for ch in _IGNORED.sub("", text))


def char_key(name: str) -> str:
    """The name's characters, simplified and sorted: equal for 张伟, 伟张 and 張偉."""
    return "".join(sorted(simplified(name)))


def pinyin_key(name: str) -> str:
    """The simplified name read aloud (zhangwei for 张伟 and 章伟); "" for names without Chinese."""
    keys = pinyin_keys(simplified(name))
    return keys.split(" ", 1)[0] if keys else ""


def same_place(company_a: str | None, city_a: str | None, company_b: str | None, city_b: str | None) -> bool:
    """Shared company or city, compared simplified (北京 = 北京市 is not assumed)."""
    if company_a and company_b and simplified(company_a) == simplified(company_b):
        return True
    return bool(city_a and city_b and simplified(city_a) == simplified(city_b))
