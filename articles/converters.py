"""URL converters."""


class UnicodeSlugConverter:
    """A slug in any script ("türkiye-…", "казахстан-…"), as SlugField(allow_unicode=True) holds.

    Django's `slug` converter takes ASCII only, so a story in Russian or Turkish would have no URL.
    """

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
