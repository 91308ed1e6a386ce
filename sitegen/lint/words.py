"""The words the wording rules look for: one list per language, each word with its kind.

Three kinds, because a reviewer treats them differently:
- vague (SG301, an error): a promise with no measure, where the agreement must state one
  (尽快, "as soon as possible", "promptly"). A real SLA can always say "within 4 hours".
- terms of art (SG303, a warning): phrases whose meaning courts and lawyers have settled
  ("commercially reasonable efforts", "reasonable control", 合理, 适当). A provider's
  published SLA is full of them and cannot be edited; in a negotiated one a reviewer reads
  each and keeps it or replaces it with a measure.
- open lists (SG304, a warning): "etc." and 等 leave a list open, so the other party cannot
  know what else it covers. Both languages are treated alike: before, "etc." was an error
  and 等 passed unseen, so the same clause failed in English and passed in Chinese. 等 is
  read as closing a list only where it is not part of a word (等级, 同等, 等待) and not
  followed by a count, which closes the list instead (北京、上海等 2 个城市).

A project adds vague words and allows built-in words of any kind in `sitegen.toml`
(`[lint.vague_words]`).
"""

from __future__ import annotations

import enum


class Kind(enum.Enum):
    VAGUE = "SG301"
    TERM_OF_ART = "SG303"
    OPEN_LIST = "SG304"


_V, _T, _O = Kind.VAGUE, Kind.TERM_OF_ART, Kind.OPEN_LIST

ZH: tuple[tuple[str, Kind], ...] = (
    ("尽快", _V),
    ("尽早", _V),
    ("尽量", _V),
    ("尽可能", _V),
    ("及时", _V),
    ("原则上", _V),
    ("酌情", _V),
    ("视情况", _V),
    ("大约", _V),
    ("左右", _V),  # only after a quantity (`sitegen.lint.wording`)
    ("一般情况下", _V),
    ("通常情况下", _V),
    ("一般而言", _V),
    ("力争", _V),
    ("若干", _V),
    ("尽力", _V),  # best efforts
    ("尽最大努力", _V),
    ("合理", _T),  # 合理努力, 合理控制范围, 商业上合理
    ("适当", _T),
    ("善意", _T),
    ("诚实信用", _T),
    ("重大违约", _T),
    ("等等", _O),
    ("等", _O),  # only where it closes a list (`sitegen.lint.wording`)
    ("之类", _O),
    ("诸如此类", _O),
)
EN: tuple[tuple[str, Kind], ...] = (
    ("as soon as possible", _V),
    ("asap", _V),
    ("best effort", _V),
    ("best efforts", _V),
    ("promptly", _V),
    ("timely", _V),
    ("where possible", _V),
    ("as far as possible", _V),
    ("if possible", _V),
    ("in principle", _V),
    ("as appropriate", _V),
    ("approximately", _V),
    ("without undue delay", _V),
    ("where practicable", _V),
    ("roughly", _V),
    ("reasonable", _T),
    ("reasonably", _T),
    ("unreasonable", _T),
    ("unreasonably", _T),  # "consent not to be unreasonably withheld"
    ("commercially reasonable efforts", _T),
    ("commercially reasonable", _T),
    ("reasonable efforts", _T),
    ("reasonable endeavours", _T),
    ("all reasonable endeavours", _T),
    ("reasonable endeavors", _T),
    ("all reasonable endeavors", _T),
    ("reasonable control", _T),
    ("reasonable care", _T),
    ("appropriate", _T),
    ("good faith", _T),
    ("material breach", _T),
    ("materially", _T),
    ("etc.", _O),
    ("etc", _O),
    ("et cetera", _O),
    ("and so on", _O),
    ("and so forth", _O),
    ("and the like", _O),
)
WORDS = {"zh": ZH, "en": EN}
