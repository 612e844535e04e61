"""`ganxian init`: a new, valid data file with one source and a starter set of themes."""

from __future__ import annotations

import re

from ..errors import UsageError
from ..model.models import Dataset
from .atomic import create_new
from .writer import canonical_text

STARTER_THEMES = {
    "industry": ("工业运行", "Industrial performance"),
    "investment": ("项目与投资", "Projects and investment"),
    "relief": ("惠企纾困", "Enterprise relief"),
    "agriculture": ("农业农村", "Agriculture and rural areas"),
    "services": ("政务服务", "Government services"),
    "society": ("民生社会", "People and society"),
}
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def starter_text(region: str, region_en: str | None, title: str, published: str) -> str:
    """The canonical text of a new file whose one source is the article given."""
    if not _MONTH.fullmatch(published):
        raise UsageError(f"--published: expected a month YYYY-MM, not {published!r}")
    for option, value in (("--region", region), ("--title", title)):
        if not value.strip():
            raise UsageError(f"{option} must not be empty")
    data = {
        "schema_version": 1,
        "sources": {
            "main": {
                "title": title,
                "published": published,
                "region": region,
                "region_en": region_en or region,
            }
        },
        "themes": {k: {"name": zh, "name_en": en} for k, (zh, en) in STARTER_THEMES.items()},
        "indicators": {},
    }
    return canonical_text(Dataset.model_validate(data))


def create(path: str, text: str) -> None:
    """Write *text* to a new file at *path*, whole or not at all (`atomic.create_new`); an
    existing file is never overwritten."""
    if path == "-":
        raise UsageError("init needs a file name, not standard input")
    create_new(path, text.encode("utf-8"))
