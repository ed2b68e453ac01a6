"""Money amounts and what kind of payment each is, and how it is qualified."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kg.extract.text import contains_any, fold_case

_CURRENCY_WORDS = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR",
    "euros": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "yen": "JPY", "chf": "CHF",
    "sfr": "CHF", "swiss francs": "CHF", "dkk": "DKK", "danish kroner": "DKK", "sek": "SEK",
    "nok": "NOK", "cad": "CAD", "c$": "CAD", "ca$": "CAD", "aud": "AUD", "a$": "AUD", "au$": "AUD",
    "cny": "CNY", "rmb": "CNY", "krw": "KRW", "inr": "INR", "hk$": "HKD", "hkd": "HKD", "$a": "AUD",
    "dollars": "USD", "dollar": "USD", "won": "KRW", "pounds": "GBP", "stg": "GBP",
    # a currency named in words, spaces removed: "30 billion Korean won"
    "koreanwon": "KRW", "southkoreanwon": "KRW", "japaneseyen": "JPY", "yuan": "CNY",
    "chineseyuan": "CNY", "renminbi": "CNY", "swedishkronor": "SEK", "swedishkrona": "SEK",
    "norwegiankroner": "NOK", "poundssterling": "GBP", "britishpounds": "GBP",
    "canadiandollars": "CAD", "australiandollars": "AUD", "hongkongdollars": "HKD",
    "rupees": "INR", "rupee": "INR", "indianrupees": "INR", "zlotys": "PLN", "zloty": "PLN",
    "polishzlotys": "PLN", "pln": "PLN", "rs": "INR", "₹": "INR",
    "danishcrowns": "DKK", "swedishcrowns": "SEK", "norwegiancrowns": "NOK", "danishkrone": "DKK",
    "swedishkroner": "SEK", "norwegiankrone": "NOK",
    # more of the world's currencies, by sign, code and name
    "₩": "KRW", "₽": "RUB", "₪": "ILS", "r$": "BRL", "s$": "SGD", "nz$": "NZD", "nt$": "TWD",
    "rub": "RUB", "brl": "BRL", "zar": "ZAR", "sgd": "SGD", "nzd": "NZD", "ils": "ILS",
    "mxn": "MXN", "twd": "TWD", "nis": "ILS", "czk": "CZK", "huf": "HUF",
    "rubles": "RUB", "roubles": "RUB", "russianrubles": "RUB", "russianroubles": "RUB",
    "reais": "BRL", "brazilianreais": "BRL",
    "shekels": "ILS", "newisraelishekels": "ILS", "israelishekels": "ILS",
    "singaporedollars": "SGD", "newzealanddollars": "NZD", "taiwandollars": "TWD",
    "newtaiwandollars": "TWD",
    # the pound sign as 1990s wires sent it in ASCII: "L24 million", "#10 million"
    "l": "GBP", "#": "GBP",
    # and the euro sign: "an upfront payment of E15 million"
    "e": "EUR",
}  # fmt: skip
_SCALE = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "mio": 10**6, "mln": 10**6, "m": 10**6,
    "mm": 10**6, "mn": 10**6, "mil": 10**6, "billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9,
    "trillion": 10**12,
    # the Indian scale: "Rs 247 crore" is 2.47 billion rupees
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7, "cr": 10**7,
}  # fmt: skip
# "MEUR 25", "TSEK 500", "6 MUSD": a Nordic and German way of writing millions and thousands
_SCALED_CODE = re.compile(r"([mkt])(eur|usd|sek|nok|dkk|chf|gbp)")
_CODE_SCALE = {"m": 10**6, "k": 10**3, "t": 10**3}
_PREFIX = (
    # (a dollar's code before its sign: "CAD$35 million", "AUD$5 million", "NZD$", "HKD$")
    r"(?P<cur>(?-i:USD|CAD|AUD|NZD|HKD|SGD|TWD|MXN)\$"
    r"|US\s?\$|U\.S\.\s?\$|C\$|CA\$|A\$|AU\$|HK\$|\$A(?=\s?\d)|(?-i:R|S|NZ|NT)\$|\$|€|£|¥|₩|₽|₪"
    r"|(?<![\w$])[MKT](?:EUR|USD|SEK|NOK|DKK|CHF|GBP)(?=\s?\d)"
    r"|(?:USD|EUR|GBP|JPY|CHF|DKK|SEK|NOK|CAD|AUD|CNY|RMB|KRW|INR|HKD|PLN|SFr\.?|Euros?"
    r"|(?-i:RUB|BRL|ZAR|SGD|NZD|ILS|NIS|MXN|TWD|CZK|HUF))(?=[\s\d])"
    # rupees: "Rs 247 crore", "Rs. 50 lakh", "₹120 crore"
    r"|(?<![\w.])Rs\.?(?=\s?\d)|₹"
    # the pound and euro signs in ASCII, only before millions or billions: "L24 million",
    # "#10 million", "E15 million"
    r"|(?<![\w#-])(?-i:L|#|E)(?=\d[\d,.]*\s?(?:million|billion|m\b|bn\b)))"
)
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# After a currency, thousands may also be set apart by spaces: "USD 750 000".
_SPACED_NUMBER = _NUMBER.replace(
    "(?P<num>", r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)|"
)
# A footnote mark may follow a scale word: "JPY65 billion2".
_SCALE_RE = (
    r"(?P<scale>(?:thousand|million|billion|trillion|lakhs?|crores?)(?=\d?\b)"
    r"|(?:mio\.?|mln|bln|bn|mm|mn|cr|[MBK])\b|mil\.|mil(?=\s))"
)
_SCALE_WORD = _SCALE_RE.replace("?P<scale>", "?:")
_NUMBER2 = _NUMBER.replace("<num>", "<num2>")
_SCALE_RE2 = _SCALE_RE.replace("<scale>", "<scale2>")
MONEY_RE = re.compile(
    rf"{_PREFIX}\s?{_SPACED_NUMBER}(?:\s*(?:-|–|to)\s*(?P<high>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?=\s*-?\s*{_SCALE_WORD}))?"
    rf"(?:\s*-?\s*{_SCALE_RE})?(?:\s+(?P<unit>dollars?|euros?))?"
    rf"|(?<![\w$€£¥.]){_NUMBER2}\s*(?:{_SCALE_RE2}\s*)?(?P<cur2>euros?|Euros?|dollars?|U\.?S\.?\s+dollars?|Swiss\s+francs|"
    r"(?:south\s+)?korean\s+won|japanese\s+yen|(?:chinese\s+)?yuan|renminbi|swedish\s+kron(?:or|a)"
    r"|norwegian\s+kroner|pounds\s+sterling|british\s+pounds|pounds|stg|(?:canadian|australian|hong\s+kong)"
    r"\s+dollars|yen|won|(?:danish|swedish|norwegian)\s+(?:crowns|kron(?:er|or|a|e))|(?:indian\s+)?rupees?|(?:polish\s+)?zlotys?"
    r"|(?:(?:russian\s+)?r(?:o)?ubles|(?:brazilian\s+)?reais|(?:new\s+)?(?:israeli\s+)?shekels"
    r"|(?:singapore|new\s+zealand|(?:new\s+)?taiwan)\s+dollars)"
    r"|(?:USD|EUR|GBP|JPY|CHF|DKK|SEK|NOK|CAD|AUD|CNY|KRW|RMB|INR|HKD|PLN)\b"
    r"|(?-i:RUB|BRL|ZAR|SGD|NZD|ILS|NIS|MXN|TWD|CZK|HUF)\b"
    # "6 MUSD", "113 MSEK": the scaled code after the number
    r"|(?-i:[MKT](?:EUR|USD|SEK|NOK|DKK|CHF|GBP))\b)",
    re.I,
)


_DIGIT = re.compile(r"\d")
# More than the longest currency before a number, with the space after it ("U.S. $ ", 7).
_LONGEST_PREFIX = 12
# Every amount has a digit and one of these (in lower case) for its currency.
_CURRENCY_MARKS = (
    "$", "€", "£", "¥", "usd", "eur", "gbp", "jpy", "chf", "dkk", "sek", "nok", "cad", "aud", "cny",
    "rmb", "krw", "inr", "hkd", "sfr", "dollar", "franc", "won", "yen", "yuan", "renminbi", "kron",
    "pound", "stg", "rupee", "zlot", "pln", " rs", "₹", "crown", "#", "₩", "₽", "₪", "ruble",
    "rouble", "reais", "shekel",
)  # fmt: skip


_ASCII_SIGN = re.compile(r"\b[LE]\d")  # "L24 million", "E15 million"
# Codes read only in capitals, tested apart so that "details" or "Danish" open no sentence to
# the money pattern: "RUB 4 billion", "NIS 10 million"
_CAPITAL_CODES = re.compile(r"\b(?:RUB|BRL|ZAR|SGD|NZD|ILS|NIS|MXN|TWD|CZK|HUF|R\$|S\$)")


def _may_state_money(sentence: str) -> bool:
    """Whether the sentence has what every amount has (the pattern decides the rest)."""
    if _DIGIT.search(sentence) is None:
        return False
    folded = " " + fold_case(sentence)  # " rs": rupees at the sentence's start too
    return (
        contains_any(folded, _CURRENCY_MARKS)
        or _ASCII_SIGN.search(sentence) is not None
        or _CAPITAL_CODES.search(sentence) is not None
    )


@dataclass(eq=False)
class MoneyMention:
    start: int  # offset in the sentence
    end: int
    amount: Decimal
    currency: str
    per_share: bool
    conversion: bool  # "(approx. $7.5 million)" after another amount
    total: bool = False  # "$8.5 million ($5 million in cash and $3.5 million in equity)"
    part_of: int | None = None  # index of the total this amount is a part of


_OR_BETWEEN = re.compile(r"\s*,?\s*or\s+(?:approximately\s+|about\s+|roughly\s+)?")
_RANGE_BETWEEN = re.compile(r"\s*(?:-|–|to)\s*")
_ROUGHLY_WORDS = r"approx(?:imately|\.)?|about|around|over|nearly|almost|roughly|some|ca\.|~"
_ROUGHLY_IN_PARENTHESES = re.compile(rf"\(\s*(?:{_ROUGHLY_WORDS})\s*$|approx|about")
_IN_PARENTHESES_BEFORE = re.compile(rf"\(\s*(?:{_ROUGHLY_WORDS}|or|then|equivalent\s+to)?\s*$")
_AFTER_A_NUMBER = re.compile(rf"\d\s*\(\s*(?:{_ROUGHLY_WORDS}|equivalent\s+to)\s*$")


def find_money(sentence: str) -> list[MoneyMention]:
    """Amounts in a sentence, in order, with conversions and broken-down totals marked."""
    found: list[MoneyMention] = []
    if not _may_state_money(sentence):
        return found  # the pattern has no prefix to skip to: it fails slowly, at every offset
    # Every amount has a digit, at most seven characters after the amount's start ("U.S. $ 5"):
    # the search starts shortly before the first digit, not at every offset before it.
    first_digit = _DIGIT.search(sentence)
    start = max(0, first_digit.start() - _LONGEST_PREFIX) if first_digit else 0
    for m in MONEY_RE.finditer(sentence, start):
        amount = _amount(m)
        if amount is None:
            continue
        cur_raw = (m.group("cur") or m.group("cur2") or "").lower().replace(" ", "").rstrip(".")
        cur_raw = re.sub(r"\s+", " ", cur_raw)
        cur_raw = _SCALED_CODE.sub(r"\2", cur_raw)
        currency = _currency(cur_raw)
        if currency is None or (cur_raw == "won" and not m.group("scale2")):
            continue  # "won" is money only after a scale: "30 billion won", not "5 won"
        after = sentence[m.end() : m.end() + 20].lower()
        # "$5.00 per share", "ended at Rs 1,466 apiece": the price of one share
        per_share = bool(re.match(r"\s*(?:(?:/|per\s+)\s*(?:share|ads|unit)|apiece\b)", after))
        before = sentence[max(0, m.start() - 20) : m.start()].lower()
        in_paren = bool(found) and bool(_IN_PARENTHESES_BEFORE.search(before))
        conversion = in_paren and (
            found[-1].currency != currency or bool(_ROUGHLY_IN_PARENTHESES.search(before))
        )
        # "LKR 400,000 (over Rs 1.5 lakh)": the same sum after an amount in a currency not read
        conversion = conversion or bool(_AFTER_A_NUMBER.search(before))
        # "€27.5 million or $39 million": the same sum in another currency
        conversion = conversion or bool(
            found
            and found[-1].currency != currency
            and _OR_BETWEEN.fullmatch(sentence, found[-1].end, m.start())
        )
        if (
            found
            and found[-1].currency == currency
            and not conversion
            and _RANGE_BETWEEN.fullmatch(sentence, found[-1].end, m.start())
        ):
            # "US$700 million to US$800 million": one amount of a range, its top
            found[-1] = MoneyMention(found[-1].start, m.end(), amount, currency, per_share, False)
            continue
        mention = MoneyMention(m.start(), m.end(), amount, currency, per_share, conversion)
        if in_paren and not conversion:
            total = found[-1] if found[-1].part_of is None else found[found[-1].part_of]
            total.total = True
            mention.part_of = found.index(total)
        elif (
            found
            and found[-1].part_of is not None
            and ")" not in sentence[found[-1].end : m.start()]
        ):
            mention.part_of = found[-1].part_of
        found.append(mention)
    _keep_true_breakdowns(found)
    return found


def _keep_true_breakdowns(found: list[MoneyMention]) -> None:
    """A total is broken down only by parts that add up to it ("$8.5 million ($5 million in cash
    and $3.5 million in equity)"); one amount in brackets after another is a comparison
    ("£9.7 million for the quarter (£6.6 million a year before)")."""
    for index, total in enumerate(found):
        if not total.total:
            continue
        parts = [m for m in found if m.part_of == index]
        if len(parts) < 2 or sum(p.amount for p in parts) != total.amount:
            total.total = False
            for part in parts:
                part.part_of = None


def _currency(raw: str) -> str | None:
    if raw in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[raw]
    if len(raw) == 4 and raw.endswith("$") and raw[:3] in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[raw[:3]]  # "cad$": the code says which dollar
    if re.sub(r"^u\.?s\.?", "", raw) in ("dollars", "dollar", "$"):
        return "USD"  # "U.S. dollars", "US Dollars"
    if raw in ("swissfrancs",):
        return "CHF"
    if raw in ("danishkroner",):
        return "DKK"
    return _CURRENCY_WORDS.get(raw.rstrip("s"))


_AREA = re.compile(r"[²³2]")


def _amount(m: re.Match[str]) -> Decimal | None:
    """The amount in the currency's unit; of a range ("SEK 150-300 million"), its top."""
    try:
        value = Decimal(re.sub(r"[,\s]", "", m.group("high") or m.group("num") or m.group("num2")))
    except InvalidOperation:
        return None
    code = _SCALED_CODE.fullmatch((m.group("cur") or m.group("cur2") or "").lower())
    if code and not (m.group("scale") or m.group("scale2")):
        value *= _CODE_SCALE[code.group(1)]  # "MEUR 25" is EUR 25 million
    raw_scale = m.group("scale") or m.group("scale2") or ""
    scale = raw_scale.lower().rstrip(".")
    if scale in _SCALE:
        attached = not m.group(0)[: m.start("scale") - m.start()].endswith((" ", "\t"))
        # "EUR 40 m" is a European way of writing millions; "5 b", "5 k" are too ambiguous.
        detached_million = (
            scale == "m" and bool(m.group("cur")) and not _AREA.match(m.string, m.end())
        )
        ambiguous = scale in ("m", "b", "k") and raw_scale != raw_scale.upper() and not attached
        if ambiguous and not detached_million:
            return None
        value *= _SCALE[scale]
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


# ---- payments -------------------------------------------------------------------------------

# "a cash payment of $118 million at closing", "paid upon closing of the acquisition": money
# due when a deal closes
AT_CLOSING = re.compile(r"(?i)\b(?:at|upon|on)\s+(?:the\s+)?closing\b")

# What "acquire" takes when it buys rights rather than a company: "the option to license X",
# "an exclusive licence", "worldwide rights".
RIGHTS_OBJECT = (
    r"\s+(?:the\s+|an?\s+)?(?:(?:exclusive|non-exclusive|worldwide|global)\s+)*"
    r"(?:options?|licen[cs]es?|rights?)\b"
)
_KIND_CUES = [
    (
        "other",  # the value of a whole deal is no one kind of payment
        re.compile(
            r"(?i)\b(?:(?:potential\s+)?deal\s+(?:value|size)|total\s+contract\s+(?:value|amount)"
            r"|total\s+(?:potential\s+)?(?:value|consideration)\s+of\s+the\s+(?:deal|agreement"
            r"|contract|collaboration|partnership|transaction)(?:\s+up\s+to)?"
            r"|total\s+potential\s+(?:value|consideration))\b"
        ),
    ),
    (
        "equity",
        re.compile(
            r"(?i)\b(?:equity(?!\s+value|\s+interests)|shares\s+of|common\s+stock|newly\s+issued\s+stock|stock\s+purchase|purchase\s+of\s+[\w\s]*?(?:stock|shares)|shareholder|equity\s+investment"
            r"|subscri(?:be|bed|ption)\s+(?:for|to)|ordinary\s+shares|placing|private\s+placement|strategic\s+investment"
            # "stock warrants to acquire additional shares for $50M"
            r"|acquire\s+(?:additional\s+|new\s+)?shares"
            r"|gross\s+proceeds|in\s+(?:[\w-]+\s+){0,2}(?:shares|stock)"
            # "X's acquisition of 2,491,988 shares": some shares, not the company
            r"|(?:acquisition|purchase)\s+of\s+[\d,.]+\s+(?:million\s+)?(?:\w+\s+)?(?:shares|ADSs))\b"
            # "is set to receive US$55 million in investment from X": shares X buys
            r"|^\s*in\s+(?:new\s+|fresh\s+|growth\s+)?investments?\s+from\b"
            # "$9 million for a 9.9% stake": a minority stake (a majority one buys the company)
            r"|^\s*for\s+an?\s+(?:[1-4]\d|\d)(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s+"
            r"(?:equity\s+)?(?:stake|interest|holding)\b"
            # "$15 million of Corvana stock", "of Corvana common and preferred stock"
            r"|^\s*of\s+(?:[\w&.-]+\s+){0,3}(?:(?:common|preferred|ordinary)\s+(?:and|or)\s+"
            r"(?:common|preferred|ordinary)\s+)?(?:stock|shares|ADSs)\b"
        ),
    ),
    (
        "option_fee",
        re.compile(
            r"(?i)\boption(?:\s+exercise)?\s+(?:fee|payment)s?\b|\bexercise\s+(?:fee|payment)s?\b"
            # "€25m for an exclusive option", "$37 million up front for an option"
            r"|^\s*(?:up-?\s?front\s+)?for\s+(?:an?|the)\s+(?:exclusive\s+)?option\b"
            # "$40 million from X to acquire the option to license Y"
            r"|\bacquir(?:e|es|ed|ing)\s+(?:the\s+|an?\s+)?(?:exclusive\s+)?option\b"
        ),
    ),
    (
        "research_funding",
        re.compile(
            r"(?i)\b(?:research\s+(?:funding|support|payments?)|fund(?:s|ed|ing)?\s+(?:\w+\s+){0,2}research|"
            # "up to $100 million to fund ongoing development costs for X"
            r"fund(?:s|ed|ing)?\s+(?:\w+\s+){0,2}(?:development|clinical)\s+(?:costs|activities|work)|"
            r"funding|awarded|award|grant\s+(?:of|funding)|funding\s+of\s+[\w\s&]*?(?:R&D|research)|R&D\s+funding|development\s+funding|research\s+and\s+development\s+funding)\b"
            r"|^\s*(?:of|in|for)\s+(?:\w+\s+)?(?:research|R&D)\b"  # "$40 million of research"
        ),
    ),
    # ("performance-based payments", "success-based payments": what milestones are)
    (
        "milestone",
        re.compile(r"(?i)\bmilestones?\b|\b(?:performance|success|event)-based\s+payments?\b"),
    ),
    (
        "upfront",
        re.compile(
            r"(?i)\b(?:up[-\s]?front|down[\s-]payments?|advance\s+payments?|(?:(?:up)?on|at)\s+(?:the\s+)?(?:full\s+)?(?:signing|execution|deal\s+execution|closing|entering\s+into|entry\s+into)|initial\s+(?:licen[cs]e\s+|licen[cs]ing\s+|signing\s+)?(?:payments?|fees?)|signing\s+(?:fee|payment)s?|contract\s+fee(?!s))\b|\binitial\s+$"
            # "a payment of 300 million yen within 40 days of executing the agreement"
            r"|\bwithin\s+\w+\s+(?:business\s+)?days\s+(?:of|after|following)\s+(?:the\s+)?"
            r"(?:executing|execution|signing|signature)\b"
            # "Amgen initially will pay Guilford $35 million for the rights"
            r"|\binitially\s+(?:will\s+)?(?:pay|receive)s?\s+(?:[\w-]+\s+){0,3}$"
        ),
    ),
    (
        "license_fee",
        re.compile(
            r"(?i)\b(?:licen[cs]e\s+(?:issue\s+|issuance\s+|initiation\s+)?fees?|licen[cs]ing\s+fees?|annual\s+(?:licen[cs]e\s+)?(?:payments?|fees?)|maintenance\s+fees?|technology\s+access\s+fees?"
            # "will pay up to £48 million to X for obtaining a license"
            r"|for\s+obtaining\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}licen[cs]e)\b"
        ),
    ),
    # "royalty payments of …", "$24 million in royalties", "$24 million back royalties"
    (
        "royalty",
        re.compile(
            r"(?i)\broyalt(?:y|ies)\s+(?:payments?|of)\b|^\s*(?:in\s+)?(?:[\w-]+\s+)?royalt(?:y|ies)\b"
            # ("a $100 Mln Royalty Financing Agreement": the price of royalties, not one)
            r"(?!\s+(?:financing|monetization|monetisation|purchase|sale|interests?|streams?|rights"
            r"|agreement|transaction|deal))"
        ),
    ),
    (
        "acquisition",
        re.compile(
            r"(?i)\b(?:stockholders|shareholders|purchase\s+price|acquisition|tender\s+offer|merger"
            # "to acquire the option to license X", "acquire an exclusive licence": rights, not
            # a company
            rf"|acquire(?!{RIGHTS_OBJECT})"
            r"|(?:equity|enterprise|transaction)\s+value|total\s+consideration|for\s+the\s+company"
            r"|(?:all|100\s*(?:percent|%))\s+(?:of\s+)?(?:the\s+|its\s+)?(?:issued\s+and\s+)?(?:outstanding\s+)?"
            r"(?:stock|shares|share\s+capital|common\s+stock)"
            r"|(?:entire|whole)\s+(?:equity\s+interest|equity|share\s+capital)"
            r"|contingent\s+value\s+rights?|contingent\s+consideration)\b"
        ),
    ),
]
_CUE = dict(_KIND_CUES)
_UPFRONT_LICENSE_FEE = re.compile(r"(?i)\bup-?\s?front\s+licen[cs](?:e|ing)\s+fees?\b")
# Buying every share of a company is buying the company, not an equity stake in it.
_ALL_SHARES = re.compile(
    r"(?i)\b(?:all|100\s*(?:percent|%))\s+(?:of\s+)?(?:the\s+|its\s+)?(?:issued\s+and\s+)?"
    r"(?:outstanding\s+)?(?:stock|shares|share\s+capital|common\s+stock)\b"
)
FORWARD_LOOKING = re.compile(
    r"(?i)\b(?:expects?|expected|anticipates?|anticipated|believes?|intends?|plans?\s+to|estimates?|"
    r"forecast|projects?|aims?\s+to|hopes?|should|might|outlook|guidance)\b"
)
_PER_PRODUCT = re.compile(
    r"(?i)\b(?:for\s+each|per)\s+(?:\w+\s+){0,3}(?:product|compound|candidate|program|programme"
    r"|indication)s?\b"
)
_PER_TARGET = re.compile(r"(?i)\b(?:for\s+each|per)\s+(?:\w+\s+){0,2}targets?\b")
_AGGREGATE = re.compile(
    r"(?i)\b(?:in\s+(?:the\s+)?aggregate|aggregate|in\s+total|to\s+date|combined|total(?!ing)"
    r"|maximum\s+deal\s+value|assuming\s+(?:the\s+)?achievement\s+of\s+all"
    r"|if\s+all\s+(?:\w+\s+)?milestones)\b"
)


# A full stop that ends a sentence, not an abbreviation's ("Inc. of", "approx. US $9 million").
SENTENCE_BREAK = re.compile(
    r"(?<!\bapprox)(?<!\bInc)(?<!\bLtd)(?<!\bCorp)(?<!\bCo)(?<!\bca)(?<!\bU\.S)(?<!\bNo)"
    r"\.\s+(?=[A-Z])"
)
# Where a clause ends: punctuation, or "and" before a second verb ("... upon signing and is
# entitled to up to SEK 900m": the upfront cue belongs to the first clause).
_CLAUSE_BREAK = re.compile(
    rf",\s+|;\s+|{SENTENCE_BREAK.pattern}|\s+and\s+(?=(?:is|are|was|will|would|could|may|can|has|have)\b)"
)


# "$7 million in lieu of future sales milestones": the payment replaces the milestones.
INSTEAD_OF = re.compile(r"(?i)\b(?:in\s+lieu\s+of|instead\s+of|in\s+place\s+of|replacing)\b")


# The noun an amount is "of": "a non-refundable upfront payment of $80 million".
_KIND_OF_BEFORE = re.compile(
    r"(?i)\b(?P<kind>up-?front|milestone|royalty|option)\s+(?:cash\s+)?(?:payments?|fees?)\s+"
    r"of\s+(?:up\s+to\s+|approximately\s+|about\s+)?\W{0,3}$"
)
_NAMED_KINDS = {"upfront": "upfront", "milestone": "milestone", "royalty": "royalty",
                "option": "option_fee"}  # fmt: skip


def classify_kind(before: str, after: str, previous: str | None) -> str:
    """The nearest kind cue around the amount; milestones win over licence fees next to them.

    Only the clause of the amount counts on the left ("$410 million upfront, and ... up to
    $160 million" must not make the second amount upfront); "of which $50 million" refers
    back to the amount before it and takes its kind.
    """
    clause = _CLAUSE_BREAK.split(before)[-1]
    if previous and re.fullmatch(r"(?i)\s*\)?\s*(?:of\s+which|including|plus|and|or)\s*", clause):
        own = classify_kind("", after, None)  # "of which CNY 50 million is an upfront payment"
        return previous if own == "other" else own
    after = SENTENCE_BREAK.split(after, maxsplit=1)[0]
    after = INSTEAD_OF.split(after, maxsplit=1)[0]  # what the money replaces is not its kind
    window_before, window_after = clause[-90:], after[:150]
    # A cue anchored at the start reads the words right after an amount ("… in royalties",
    # "… of Corvana stock"); before it, the window's start is no such place ("sold its royalty
    # interest … for $40 million" is the price of an interest, not a royalty).
    searched_before = "\0" + window_before
    best: tuple[int, str] | None = None
    for kind, cue in _KIND_CUES:
        for m in cue.finditer(searched_before):
            dist = len(searched_before) - m.end()
            if best is None or dist < best[0]:
                best = (dist, kind)
        m = cue.search(window_after)
        if m:
            dist = m.start() + 1
            if best is None or dist < best[0]:
                best = (dist, kind)
    named = _KIND_OF_BEFORE.search(window_before)
    if named:  # "an upfront payment of $80 million, milestone payments of up to …": its own noun
        best = (0, _NAMED_KINDS[named.group("kind").lower().replace("-", "")])
    if best is None:
        # "an additional $480 million" is more of the kind before it ("paid an additional $25
        # million to expand the collaboration"), but not of an upfront when it may only come:
        # "$20 million upfront, with the potential to receive an additional $480 million"
        additional = re.search(r"(?i)\b(?:additional|another|further)\b", clause)
        contingent = re.search(
            r"(?i)\bpotential|\bup\s+to\b|\beligible\b|\bunless\b", clause + after[:80]
        )
        if previous == "upfront" and contingent:
            return "other"
        return previous if previous and additional else "other"
    kind = best[1]
    # The amount's own phrase: "$700 million of newly issued stock", not the next item of a list.
    both = window_before[-60:] + " " + re.split(r"(?i)\band\b", window_after, maxsplit=1)[0][:70]
    # "… license fee payment of 5 million EURO and this milestone payment of …": the next item
    own_after = re.split(
        r"(?i)\band\s+(?:this|that|the|an?|its|their)\b", window_after, maxsplit=1
    )[0]
    if kind == "license_fee" and _CUE["milestone"].search(own_after[:70]):
        kind = "milestone"
    if kind == "license_fee" and _UPFRONT_LICENSE_FEE.search(both):
        kind = "upfront"  # an "upfront license fee" is the upfront (the gold's convention)
    if kind == "upfront" and _CUE["equity"].search(both):
        kind = "equity"
    if kind == "equity" and _ALL_SHARES.search(clause[-200:]):
        kind = "acquisition"
    if kind == "acquisition" and re.search(
        r"(?i)\bsubscri(?:be|bes|bed|bing)\s+(?:for|to)\b", clause
    ):
        kind = "equity"  # "will subscribe to X's shares for a total consideration of $50M"
    if kind == "acquisition" and re.search(r"(?i)milestones?", window_after[:60]):
        kind = "milestone"
    return kind


def qualifier_of(
    before: str, after: str, kind: str = "other", *, sentence_start: bool = False
) -> str | None:
    """The qualifier around an amount; with ``sentence_start`` (``before`` runs from the start
    of the sentence), a leading phrase counts too: "For each new target, X is eligible to
    receive up to $310 million"."""
    after_clause = after[:120]
    lead = re.match(r"\W*[^,]{0,40},", before) if sentence_start else None
    lead_text = lead.group(0) if lead else ""
    # "… $50 million per program, or up to $400 million in aggregate": the "per" before the
    # comma is the item before's.
    own_before = re.split(r"(?i)[,;]|\b(?:or|and)\b", before[-40:])[-1]
    if any(_PER_TARGET.search(t) for t in (after_clause, own_before, lead_text)):
        return "per_target"
    if any(_PER_PRODUCT.search(t) for t in (after_clause, own_before, lead_text)):
        return "per_product"
    # "a total equity investment", "a total equity value": the price of one thing, not a sum
    # of payments.
    if kind in ("equity", "acquisition", "upfront"):
        return None
    if _AGGREGATE.search(after_clause[:60]) or _AGGREGATE.search(before[-80:]):
        return "aggregate"
    return None
