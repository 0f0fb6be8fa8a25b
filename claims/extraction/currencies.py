"""Scale words and currencies for claims.extraction.quantities: "412 million", "£1.2bn",
"₹11,327 crore", "Rs 500 crore", "CHF 5 million", "R500 million"."""

from __future__ import annotations

from decimal import Decimal

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    # Indian numbering: "₹11,327 crore", "2.5 lakh people", "₹1.1 lakh crore" (1.1 trillion)
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
}
CURRENCY_NAMES = {
    **{f"{country}$": "dollars" for country in ("", "us", "a", "c", "nz", "hk", "s", "nt")},
    "€": "euros",
    "£": "pounds",
    "¥": "yen",
    "₹": "rupees",
    "₽": "roubles",
    "rs": "rupees",
    "rs.": "rupees",
    "inr": "rupees",
    "pkr": "rupees",
    "₦": "naira",
    "ngn": "naira",
    "₱": "pesos",
    "₩": "won",
    "₺": "lira",
    "₴": "hryvnias",
    "₪": "shekels",
    "usd": "dollars",
    "eur": "euros",
    "gbp": "pounds",
    "chf": "francs",
    "jpy": "yen",
    "cny": "yuan",
    "ksh": "shillings",
    "sh": "shillings",
    "aed": "dirhams",
    "zar": "rand",
    "r": "rand",
    "n": "naira",
}
# The currency before an amount, as a regex group "cur" (its lower case is a key of
# CURRENCY_NAMES).
CURRENCY = (
    r"(?P<cur>(?<![A-Za-z])(?:US|A|C|NZ|HK|S|NT)?\$|€|£|¥|₹|₽|₦|₱|₩|₺|₴|₪"
    r"|(?<![A-Za-z])(?:Rs\.?|INR|USD|EUR|GBP|CHF|JPY|CNY|KSh|AED|ZAR|NGN|PKR)(?=\s?\d)"
    # "R500 million" (rand), "Sh63 million" (shillings): only before a scale
    r"|(?<![A-Za-z])(?:R|Sh)(?=[\d,.]+\s?(?:m|bn|million|billion)\b)"
    # "N1,030 per litre", "N4.5 trillion" (naira, as Nigerian papers write it): with thousands
    # or a scale, never "N95 masks" or the N1 road
    r"|(?<![A-Za-z])N(?=\d{1,3}(?:,\d{3})+(?!\d)|[\d.]+\s?(?:m|bn|million|billion|trillion)\b))\s?"
)


def scaled(value: float, scale: str | None) -> float:
    """``value`` times its scale word's factor, in decimal: "8.2 million" is 8,200,000, where
    8.2 * 1e6 in binary is 8,199,999.999999999."""
    if not scale:
        return value
    factor = Decimal(1)
    for word in scale.lower().split():  # "lakh crore": 1e5 x 1e7
        factor *= Decimal(int(SCALES[word]))
    return float(Decimal(repr(value)) * factor)
