"""The vendor's look on customer documents: name, address and colours, read from a YAML file.

Marketing changes a colour or the address without a code change: the file is
``dealkit/resources/branding.yaml`` (docs/proposals.md), or any file passed as ``--branding``.
A wrong value is refused with the file, the line and the fix, never silently replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib import colors

from dealkit.engine.yaml_source import LineDict, YamlSourceError, read_yaml

BRANDING_FILE = Path(__file__).resolve().parents[2] / "resources" / "branding.yaml"
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
COLOUR_KEYS = ("primary", "accent", "muted", "light")


class BrandingError(ValueError):
    """A branding file that cannot be used; the message names the file, line and fix."""


@dataclass(frozen=True)
class Branding:
    company: str
    tagline: str = ""
    address: tuple[str, ...] = ()
    address_th: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    primary: str = "#1F4E79"
    accent: str = "#2E86C1"
    muted: str = "#5A6270"
    light: str = "#EEF3F8"

    def colour(self, key: str) -> colors.Color:
        return colors.HexColor(getattr(self, key))

    def address_for(self, lang: str) -> tuple[str, ...]:
        """The Thai address for a Thai document when the file has one, else the English."""
        return self.address_th if lang == "th" and self.address_th else self.address


def _strings(data: LineDict, key: str, source: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BrandingError(
            f"{source}, line {data.line_of(key)}: {key} must be a list of text lines. "
            f"Fix: write one '- ...' line per address line"
        )
    return tuple(value)


def load_branding(path: Path | str = BRANDING_FILE) -> Branding:
    """Read and check a branding file (``BrandingError`` names the line and the fix)."""
    source = str(path)
    try:
        data = read_yaml(path)
    except YamlSourceError as error:
        raise BrandingError(str(error)) from None
    if not isinstance(data, LineDict):
        raise BrandingError(f"{source}: expected a mapping with company, address, colours")
    company = data.get("company")
    if not isinstance(company, str) or not company.strip():
        raise BrandingError(
            f"{source}, line {data.line or 1}: company is missing. "
            "Fix: add 'company: Northwind Systems' (the name printed on every page)"
        )
    colours = data.get("colours") or LineDict()
    found: dict[str, str] = {}
    if not isinstance(colours, LineDict):
        raise BrandingError(
            f"{source}, line {data.line_of('colours')}: colours must be a mapping. "
            "Fix: write 'primary: \"#1F4E79\"' and so on under it"
        )
    for key, value in colours.items():
        if key not in COLOUR_KEYS:
            raise BrandingError(
                f"{source}, line {colours.line_of(key)}: unknown colour {key!r}. "
                f"Fix: use one of {', '.join(COLOUR_KEYS)}"
            )
        if not isinstance(value, str) or not _HEX.match(value):
            raise BrandingError(
                f"{source}, line {colours.line_of(key)}: colour {key} is {value!r}, not a "
                '#RRGGBB colour. Fix: write it quoted, e.g. "#1F4E79"'
            )
        found[key] = value
    return Branding(
        company=company.strip(),
        tagline=str(data.get("tagline", "")),
        address=_strings(data, "address", source),
        address_th=_strings(data, "address_th", source),
        email=str(data.get("email", "")),
        phone=str(data.get("phone", "")),
        **found,
    )


@cache
def default_branding() -> Branding:
    """The branding that ships with Dealkit (resources/branding.yaml)."""
    return load_branding(BRANDING_FILE)
