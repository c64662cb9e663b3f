"""What `peersite render` takes from mkdocs.yml, the one configuration the generators, the scripts and the tests read:
the site's address and name and description in each language, the repository and branch edit links open, and the
settings of the form for editors. `!ENV` is read as MkDocs, ProperDocs and Zensical read it."""

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .. import DEFAULT_LANGUAGE, LANGUAGES

CONFIG_FILE = "mkdocs.yml"


class ConfigLoader(yaml.SafeLoader):
    """YAML as the generators read their configuration: `!ENV` values, Python tags (a slugify function) left out."""


def environment_value(loader: ConfigLoader, node: yaml.Node):
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable that is set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


ConfigLoader.add_constructor("!ENV", environment_value)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    """The settings of mkdocs.yml that pages, open data and the form for editors are made with."""

    site_url: str
    site_name: dict[str, str]  # by language
    site_description: dict[str, str]
    repo_url: str | None
    repo_branch: str
    cms_base_url: str | None
    cms_local_backend: str | None

    @property
    def site_path(self) -> str:
        """The path of the site's root on its server: '/', or '/peer-support-site/' on GitHub Pages."""
        return urlsplit(self.site_url).path or "/"


def read_config(root: Path) -> SiteConfig:
    """The settings of root/mkdocs.yml, with static-i18n's per-language site name and description."""
    config = yaml.load((root / CONFIG_FILE).read_text(encoding="utf-8"), Loader=ConfigLoader)  # noqa: S506 — SafeLoader's subclass
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    per_language = {language["locale"]: language for language in i18n["languages"]}
    extra = config.get("extra") or {}

    def translated(key: str) -> dict[str, str]:
        return {language: per_language.get(language, {}).get(key) or config[key] for language in LANGUAGES}

    site_url = str(config["site_url"])
    return SiteConfig(
        site_url=site_url if site_url.endswith("/") else f"{site_url}/",
        site_name=translated("site_name") | {DEFAULT_LANGUAGE: config["site_name"]},
        site_description=translated("site_description") | {DEFAULT_LANGUAGE: config["site_description"]},
        repo_url=config.get("repo_url"),
        repo_branch=str(extra.get("repo_branch") or "main"),
        cms_base_url=extra.get("cms_base_url"),
        cms_local_backend=extra.get("cms_local_backend"),
    )
