"""The site's own stylesheet reads as written: every rule's block holds only declarations and every @media block
only rules. A brace lost in an edit or a merge would otherwise nest the rules after it inside the one before,
which browsers read as CSS nesting: the rules still parse, and silently stop applying."""

from pathlib import Path

import tinycss2

STYLESHEET = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "stylesheets" / "site.css"


def problems(rules, where: str = "") -> list[str]:
    """What is wrong in a list of top-level or @media rules, each named by its selector and line."""
    found = []
    for rule in rules:
        if rule.type in ("whitespace", "comment"):
            continue
        if rule.type == "error":
            found.append(f"{where}line {rule.source_line}: {rule.message}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_rule_list(rule.content or [], skip_whitespace=True, skip_comments=True)
            found += problems(inner, f"{where}@{rule.lower_at_keyword} {tinycss2.serialize(rule.prelude).strip()} > ")
        elif rule.type == "qualified-rule":
            selector = tinycss2.serialize(rule.prelude).strip()
            for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True):
                if item.type != "declaration":
                    found.append(f"{where}line {rule.source_line}: '{selector}' holds a {item.type}, not only declarations"
                                 " — is a closing brace missing?")
    return found


def test_every_rule_of_the_stylesheet_is_closed_where_it_should_be():
    rules = tinycss2.parse_stylesheet(STYLESHEET.read_text(encoding="utf-8"), skip_whitespace=True, skip_comments=True)
    assert len([rule for rule in rules if rule.type == "qualified-rule"]) > 50
    assert problems(rules) == []


def test_the_check_finds_a_missing_brace():
    broken = STYLESHEET.read_text(encoding="utf-8").replace("}", "", 1)
    assert problems(tinycss2.parse_stylesheet(broken, skip_whitespace=True, skip_comments=True))
