"""Characters a reader cannot see, or that turn the text around them (Unicode's bidi controls, UAX #9): a phone
number written with a right-to-left override shows one number and dials another ("Trojan Source", CVE-2021-42574).
No data text may hold them; emoji keep the joiners and tags they are made of."""

import unicodedata

# Letters and blanks that show as nothing, though Unicode does not call them format characters.
BLANK = {"\u115f", "\u1160", "\u2800", "\u3164", "\uffa0"}
BIDI_CONTROLS = {"\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}
ZERO_WIDTH_JOINER = "\u200d"
BLACK_FLAG = "\U0001F3F4"  # a subdivision's flag is this, followed by tag characters
TAGS = range(0xE0020, 0xE0080)


def is_emoji_part(text: str, index: int) -> bool:
    """Whether a format character at `index` belongs to an emoji: a joiner between two pictographs, or a flag's tag."""
    character, before = text[index], text[index - 1] if index else ""
    if character == ZERO_WIDTH_JOINER:
        after = text[index + 1] if index + 1 < len(text) else ""
        return bool(before and after) and unicodedata.category(after) == "So" and unicodedata.category(before) in ("So", "Sk", "Mn")
    if ord(character) in TAGS:
        return before == BLACK_FLAG or (bool(before) and ord(before) in TAGS)
    return False


def hidden_character(text: str) -> tuple[int, str] | None:
    """The first invisible or direction-changing character in a text, with its index; None when there is none."""
    for index, character in enumerate(text):
        hidden = character in BLANK or unicodedata.category(character) in ("Cf", "Co", "Zl", "Zp")
        if hidden and not is_emoji_part(text, index):
            return index, character
    return None


def describe_character(character: str) -> str:
    """A character as Unicode names it: 'U+202E RIGHT-TO-LEFT OVERRIDE'."""
    return f"U+{ord(character):04X} {unicodedata.name(character, 'PRIVATE-USE CHARACTER')}"


def hidden_character_fix(character: str) -> str:
    """Why a hidden character is refused, and what to do."""
    effect = "turns the text after it around" if character in BIDI_CONTROLS else "cannot be seen"
    return f"delete it: it is invisible in most editors and {effect} on the page"
