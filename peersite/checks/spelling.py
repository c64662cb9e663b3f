"""Spell-check every Danish and English text an editor writes, and flag the words the site has chosen not to use.

Hunspell checks each word with Debian's Danish (da_DK) or British English (en_GB) dictionary; names and
terms the dictionaries lack are in content/words.txt; content/variants.yml lists the words and phrases
the site does not use, each with the one it uses instead. Run it as `python -m peersite.checks.spelling`.

Where Hunspell or a dictionary is missing (a Mac, Windows, Linux without root), it says so in one line and exits 0:
the pull request's checks spell-check. In CI (the environment variable CI is true, as GitHub Actions sets it) a
missing dictionary is an error, so no pull request passes unchecked.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import LANGUAGE_NAMES, LANGUAGES, language_of_source
from ..messages import MESSAGE_LANGUAGES, _, ngettext, speaking
from ..data.load import MarkedList, load_marked_yaml
from ..data.problems import DataError

DICTIONARIES = {"da": "da_DK", "en": "en_GB"}
WORDS_FILE = "content/words.txt"
VARIANTS_FILE = "content/variants.yml"
# Web addresses, DOIs, e-mail addresses, file names, Markdown link targets and attribute lists,
# template placeholders, inline code, HTML tags and abbreviations such as m.fl. are not words to look up.
NOT_PROSE = re.compile(
    r"`[^`]*`|\]\([^)]*\)|<[^>]+>|\{[:#.][^}]*\}|\{\w+\}|https?://\S+|\b10\.\d{4,}/\S+|[\w.-]+@[\w.-]+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:dk|com|org|gov|md|yml|txt|json|html)\b|\b(?:[^\W\d_]{1,3}\.){2,}"
)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
QUOTATION = re.compile(r"»[^«]*«|“[^”]*”")
# Danish names, titles and terms that English pages keep in Danish: their words are checked as Danish.
DANISH_NAME_FIELDS = ("name", "title", "term", "publisher_name")


@dataclass(frozen=True)
class TextToCheck:
    """A text in one language and the file and line it is written on."""

    path: str
    line: int
    language: str
    text: str


@dataclass(frozen=True, order=True)
class WordToFix:
    """A word to fix, where it stands, and what to write instead."""

    path: str
    line: int
    word: str
    advice: str

    def format(self, style: str = "text") -> str:
        """Render as `path:LINE: word — advice`, or as a GitHub workflow annotation on that line."""
        if style == "github":
            title = _("spelling")
            return f"::error file={self.path},line={self.line},title={title}::{self.word} — {self.advice}"
        return f"{self.path}:{self.line}: {self.word} — {self.advice}"


def bilingual_values(node, key: str = ""):
    """Every {da: …, en: …} mapping in a loaded YAML tree, with the key it stands under."""
    if isinstance(node, dict) and set(node) == set(LANGUAGES):
        yield key, node
    elif isinstance(node, dict):
        for child_key, value in node.items():
            yield from bilingual_values(value, child_key)
    elif isinstance(node, list):
        for value in node:
            yield from bilingual_values(value, key)


def yaml_texts(path: Path, shown: str) -> list[TextToCheck]:
    """Every {da: …, en: …} text in a YAML file, with the line of each language's text."""
    texts = []
    for _, value in bilingual_values(load_marked_yaml(path, shown)):
        for language in LANGUAGES:
            text = value[language]
            if isinstance(text, MarkedList):
                texts += [TextToCheck(shown, mark.line, language, str(item)) for item, mark in zip(text, text.marks)]
            else:
                texts.append(TextToCheck(shown, value.marks[language].line, language, str(text)))
    return texts


def markdown_texts(path: Path, shown: str, language: str) -> list[TextToCheck]:
    """The prose lines of a hand-written page: its description and body, without code blocks."""
    texts, in_code, in_front_matter = [], False, False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() == "---" and (number == 1 or in_front_matter):
            in_front_matter = number == 1
            continue
        if in_front_matter:
            key, _, value = line.partition(":")
            if key.strip() in ("description", "title"):
                texts.append(TextToCheck(shown, number, language, value))
            continue
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if not in_code:
            texts.append(TextToCheck(shown, number, language, line))
    return texts


def editor_texts(root: Path) -> list[TextToCheck]:
    """Every text an editor writes: the data, the words around it, and the hand-written pages."""
    texts = yaml_texts(root / "content" / "data.yml", "content/data.yml")
    texts += yaml_texts(root / "peersite" / "pages" / "labels.yml", "peersite/pages/labels.yml")
    for page in sorted((root / "docs").glob("*.md")):
        texts += markdown_texts(page, f"docs/{page.name}", language_of_source(page.name))
    return texts


def words_of(text: str, project_words: set[str]) -> list[str]:
    """The words of a text to look up: hyphenated words in parts unless the project knows them whole."""
    found = []
    for word in WORD.findall(NOT_PROSE.sub(" ", text)):
        word = re.sub(r"['’]s$", "", word)
        parts = [word] if known_to_project(word, project_words) else word.split("-")
        found += [part for part in parts if len(part) > 1 and not re.sub(r"s$", "", part).isupper()]
    return found


def read_word_list(path: Path) -> set[str]:
    """The project's own words, one a line, without the comment lines, in any case."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip().casefold() for line in lines if line.strip() and not line.startswith("#")}


def known_to_project(word: str, project_words: set[str]) -> bool:
    """Whether a word, in any case or as a genitive in -s, is in the project's word list."""
    word = word.casefold()
    return word in project_words or (word.endswith("s") and word[:-1] in project_words)


def danish_names(root: Path) -> set[str]:
    """The words of the data's Danish names, titles and terms, which English pages keep as they are."""
    data = load_marked_yaml(root / "content" / "data.yml", "content/data.yml")
    names = [value["da"] for key, value in bilingual_values(data) if key in DANISH_NAME_FIELDS]
    words = {word for name in names for word in WORD.findall(NOT_PROSE.sub(" ", name))}
    return {part.casefold() for word in words for part in [word, *word.split("-")]}


def hunspell(words: set[str], language: str, *options: str) -> list[str]:
    """Hunspell's output for some words, one a line, with a dictionary of the language."""
    result = subprocess.run(
        ["hunspell", *options, "-i", "utf-8", "-d", DICTIONARIES[language]],
        input="".join(f"{word}\n" for word in sorted(words)), capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, "LC_ALL": "C.UTF-8"}, check=True,
    )
    return result.stdout.splitlines()


def missing_dictionaries() -> list[str]:
    """The dictionaries Hunspell cannot open on this machine: all of them where Hunspell itself is missing."""
    if not shutil.which("hunspell"):
        return list(DICTIONARIES.values())
    return [name for name in DICTIONARIES.values()
            if subprocess.run(["hunspell", "-d", name, "-l"], input="", capture_output=True, text=True).returncode != 0]


def why_unchecked(missing: list[str]) -> str:
    """What keeps the texts from being spell-checked here: Hunspell, or which of its dictionaries, is missing."""
    if not shutil.which("hunspell"):
        return _("Hunspell is not installed")
    return ngettext("Hunspell's {dictionaries} dictionary is missing", "Hunspell's {dictionaries} dictionaries are missing",
                    len(missing), dictionaries=_(" and ").join(missing))


def in_ci() -> bool:
    """Whether this runs in continuous integration, where everything must be checked."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def unknown_words(words: set[str], language: str) -> set[str]:
    """The words a language's dictionary does not know."""
    return set(hunspell(words, language, "-l")) & words if words else set()


def suggestions(words: set[str], language: str) -> dict[str, list[str]]:
    """Hunspell's suggestions for each unknown word (asked only for the few that are unknown: it is slow)."""
    if not words:
        return {}
    found = {}
    for line in hunspell({f"^{word}" for word in words}, language, "-a")[1:]:
        if line[:1] == "&":
            word, _, rest = line[2:].partition(" ")
            found[word] = [s.strip() for s in rest.split(":", 1)[1].split(",")]
    return found


def misspellings(texts: list[TextToCheck], language: str, accepted: set[str], project_words: set[str]) -> list[WordToFix]:
    """The words of texts in one language that neither its dictionary nor the project knows.

    A quotation (»…«, “…”) may be in the other language: a word in it is also right if that language knows it.
    """
    other = next(lang for lang in LANGUAGES if lang != language)
    every = {word for text in texts for word in words_of(text.text, project_words)}
    candidates = {word for word in every if word.casefold() not in accepted and not known_to_project(word, project_words)}
    unknown = unknown_words(candidates, language)
    quoted = {word for text in texts for quote in QUOTATION.findall(text.text) for word in words_of(quote, project_words)}
    known_in_other = (quoted & unknown) - unknown_words(quoted & unknown, other)
    wrong = []
    for text in texts:
        outside = set(words_of(QUOTATION.sub(" ", text.text), project_words))
        wrong += [(text, word) for word in dict.fromkeys(words_of(text.text, project_words))
                  if word in unknown and (word in outside or word not in known_in_other)]
    advice = suggestions({word for _, word in wrong}, language)
    return [
        WordToFix(text.path, text.line, word, _("did you mean {words}?", words=", ".join(advice[word][:4])) if advice.get(word) else
                _("not in the {language} dictionary; if it is a name or term, add it to {file}", language=_(LANGUAGE_NAMES[language]),
                  file=WORDS_FILE))
        for text, word in wrong
    ]


def read_variants(path: Path) -> dict[str, list[tuple[re.Pattern, str]]]:
    """Per language, a pattern for each word or phrase not to use, with the word to use instead."""
    variants = {language: [] for language in LANGUAGES}
    for language, entries in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        for entry in entries:
            for variant in entry["not"]:
                start = r"(?<![\w-])" if re.match(r"\w", variant) else ""
                end = r"(?![\w-])" if re.search(r"\w$", variant) else ""
                variants[language].append((re.compile(start + re.escape(variant) + end, re.IGNORECASE), entry["use"]))
    return variants


def variant_uses(texts: list[TextToCheck], variants: list) -> list[WordToFix]:
    """Every use of a word or phrase the site has chosen not to use."""
    return [
        WordToFix(text.path, text.line, match.group(0), _("did you mean {use}? (the site writes {use}: {file})", use=use, file=VARIANTS_FILE))
        for text in texts for pattern, use in variants for match in pattern.finditer(text.text)
    ]


def check_spelling(root: Path) -> tuple[list[TextToCheck], list[WordToFix]]:
    """All texts under a project folder, and every misspelling and unwanted variant in them."""
    texts = editor_texts(root)
    project_words = read_word_list(root / WORDS_FILE)
    variants = read_variants(root / VARIANTS_FILE)
    names = danish_names(root)
    words_to_fix = []
    for language in LANGUAGES:
        in_language = [text for text in texts if text.language == language]
        accepted = names if language != "da" else set()
        words_to_fix += misspellings(in_language, language, accepted, project_words)
        words_to_fix += variant_uses(in_language, variants[language])
    return texts, sorted(set(words_to_fix))


def main(argv: list[str] | None = None) -> int:
    """Check the texts under a project folder; exit code 0 when all is well, 1 when something needs fixing."""
    parser = argparse.ArgumentParser(prog="python -m peersite.checks.spelling", description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", help="the project folder (default: the current one)")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="the words to fix as file:line lines, or as GitHub workflow annotations")
    parser.add_argument("--language", choices=MESSAGE_LANGUAGES, default="en",
                        help="the language of the messages: English (the default) or Danish, as the editors read them")
    args = parser.parse_args(argv)
    with speaking(args.language):
        return run(args)


def run(args: argparse.Namespace) -> int:
    """Check the texts, in the language chosen for the messages."""
    root = Path(args.root)
    if missing := missing_dictionaries():
        if not in_ci():
            print(_("Spelling not checked: {why} on this machine — the pull request's checks spell-check every text (to check"
                    " here, see CONTRIBUTING.md, \"Stavekontrol\" / \"Spell check\").", why=why_unchecked(missing)), file=sys.stderr)
            return 0
        error = _("Spelling cannot be checked: {why} — in CI every text is spell-checked: install hunspell hunspell-da"
                  " hunspell-en-gb (`make spelling-deps`).", why=why_unchecked(missing))
        title = _("spelling")
        print(f"::error title={title}::{error}" if args.format == "github" else error, file=sys.stdout if args.format == "github" else sys.stderr)
        return 1
    try:
        texts, words_to_fix = check_spelling(root)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for word in words_to_fix:
        print(word.format(args.format), file=sys.stdout if args.format == "github" else sys.stderr)
    if words_to_fix:
        print(ngettext("{count} word to fix in {files} file(s).", "{count} words to fix in {files} file(s).", len(words_to_fix),
                       files=len({word.path for word in words_to_fix})), file=sys.stderr)
        return 1
    print(_("Spelling: no problems in {count} Danish and English texts.", count=len(texts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
