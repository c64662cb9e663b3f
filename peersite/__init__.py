"""Turn content/data.yml into the Danish and English pages of the peer-support site."""

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
