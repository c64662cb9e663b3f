"""Characters a reader cannot see, or that turn the text around them (Unicode's bidi controls, UAX #9): a phone
number written with a right-to-left override shows one number and dials another ("Trojan Source", CVE-2021-42574).
No data text may hold them; emoji keep the joiners and tags they are made of."""

import re
import unicodedata

from ..messages import _

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


def hidden_characters(text: str) -> list[int]:
    """Where a text has an invisible or direction-changing character."""
    # Python calls every character of those categories unprintable: most texts are done in one call, not a call a
    # character (check reads some 2,000 texts).
    if text.replace("\n", "").isprintable() and BLANK.isdisjoint(text):
        return []
    return [index for index, character in enumerate(text)
            if (character in BLANK or unicodedata.category(character) in ("Cf", "Co", "Zl", "Zp")
                or (unicodedata.category(character) == "Cc" and character not in "\n\t"))  # a tab is an odd space
            and not is_emoji_part(text, index)]


def describe_character(character: str) -> str:
    """A character as Unicode names it: 'U+202E RIGHT-TO-LEFT OVERRIDE'."""
    # Unicode gives control characters and private-use characters no name.
    unnamed = "CHARACTER TABULATION" if character == "\t" else "CONTROL CHARACTER" if unicodedata.category(character) == "Cc" else "PRIVATE-USE CHARACTER"
    return f"U+{ord(character):04X} {unicodedata.name(character, unnamed)}"


def hidden_character_replacement(character: str) -> str:
    """What takes a hidden character's place: a space for a line or paragraph separator, nothing for any other."""
    return " " if unicodedata.category(character) in ("Zl", "Zp") else ""


def hidden_character_fix(character: str) -> str:
    """Why a hidden character is refused, and what to do."""
    replaced, turns = bool(hidden_character_replacement(character)), character in BIDI_CONTROLS
    if replaced:
        return _("replace it with a space: it is invisible in most editors and cannot be seen on the page")
    if turns:
        return _("delete it: it is invisible in most editors and turns the text after it around on the page")
    return _("delete it: it is invisible in most editors and cannot be seen on the page")


# Spaces --------------------------------------------------------------------------------------------------------
# A page joins a text's words with ordinary spaces, so any other space in the data only hides what the page shows:
# a no-break space Word or a web page pastes (after "§" or "kl."), a narrow or figure space in "10 000", a tab.
# Unicode's space separators (category Zs) but U+0020, and the tab.
ODD_SPACE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def odd_spaces(text: str) -> list[int]:
    """Where a text has a space other than the ordinary one."""
    return [match.start() for match in ODD_SPACE.finditer(text)]


# Quotation marks -----------------------------------------------------------------------------------------------
# How each language of the site quotes (CONTRIBUTING.md): the marks around a quotation, and around one inside it.
QUOTATION_MARKS = {"da": (("»", "«"), ("›", "‹")), "en": (("“", "”"), ("‘", "’"))}
# The marks a word processor types for " and ' ("smart quotes"), and their look-alikes: YAML does not take them for
# its quotes. Danish »…« is not among them: nothing types it for ".
SMART_QUOTES = "“”„‟″＂‘’‚‛"
# Every mark that quotes, by family: double marks (with the straight " and the double prime ″ typed for them),
# single marks (not the straight ', which the data writes as the apostrophe).
MARK_FAMILIES = ('"“”„‟«»″＂', "‘’‚‛‹›")
QUOTATION_MARK = re.compile(f"[{''.join(MARK_FAMILIES)}]")
# Marks that stand for something else when no mark before them opened a quotation: an apostrophe (Lars’ bog),
# inches or seconds (12″).
NOT_ALWAYS_QUOTES = '’"″'
# What may stand right before a mark that opens a quotation.
BEFORE_OPENING = "([{–—"


def wrong_quotation_marks(text: str, language: str) -> list[tuple[int, str]]:
    """The quotation marks in a text that are not its language's (»…« in Danish, “…” in English, ›…‹ and ‘…’ inside
    them), each as its index and the mark to write instead. A mark opens a quotation after a space or the start, and
    closes one before a space, punctuation or the end; a mark between two letters (DOI’en) is no quotation mark."""
    wrong, opened, opening_at = [], ([], []), set()
    for found in QUOTATION_MARK.finditer(text):
        index, mark = found.start(), found.group()
        family = 0 if mark in MARK_FAMILIES[0] else 1
        before, after = text[index - 1:index], text[index + 1:index + 2]
        right_opening, right_closing = QUOTATION_MARKS[language][family]
        if (not before or before.isspace() or before in BEFORE_OPENING or index - 1 in opening_at) and after and not after.isspace():
            if mark in NOT_ALWAYS_QUOTES and mark != '"':  # an apostrophe (’90’erne) or a prime opens nothing
                continue
            opened[family].append(index)
            opening_at.add(index)
            if mark != right_opening:
                wrong.append((index, right_opening))
        elif before and not before.isspace() and not after.isalnum():
            if opened[family]:
                opened[family].pop()
            elif mark in NOT_ALWAYS_QUOTES:
                continue
            if mark != right_closing:
                wrong.append((index, right_closing))
    return wrong


def stray_quotes(text: str, quoting: set[int]) -> list[int]:
    """The straight double quotes of a text that open or close no quotation (`quoting` holds those that do): most
    often one left over from the quotes around the value, which the page would show."""
    return [index for index, character in enumerate(text) if character == '"' and index not in quoting]


def quotation_marks_fix(language: str) -> str:
    """How a text in a language quotes, for a message: 'a Danish text quotes »like this« (›like this‹ inside)'."""
    (opening, closing), (inner_opening, inner_closing) = QUOTATION_MARKS[language]
    marks = {"opening": opening, "closing": closing, "inner_opening": inner_opening, "inner_closing": inner_closing}
    if language == "da":
        return _("a Danish text quotes {opening}like this{closing} ({inner_opening}like this{inner_closing} inside)", **marks)
    return _("an English text quotes {opening}like this{closing} ({inner_opening}like this{inner_closing} inside)", **marks)
