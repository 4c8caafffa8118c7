"""The outlet's clock: which time zone a captured publication time is in, and how we know.

A capture may give a publication date, a date and a local time, or a date-time with its UTC
offset. The zone of a local time is decided in this order, and the article records which
rule decided it (``Article.timezone_from``):

1. an explicit zone: the ``--timezone`` option or ``timezone`` notebook parameter, then the
   capture's front matter ``timezone:``, then the annotation's ``article: timezone:``;
2. the UTC offset written in the publication time itself (``2019-07-12T07:30:00+09:00``);
3. :data:`OUTLETS`, the home newsroom of outlets that report on East Asia in English;
4. :data:`NEWS_CITIES`, the zone of the dateline's city (``SEOUL`` is Asia/Seoul);
5. otherwise the zone is **unknown**, and every output says so. Nothing is ever read as UTC
   by default, and a date without a time stays a date.

Global wire services (Reuters, AP, AFP, Bloomberg) are in the outlet table with no zone of
their own: their stories are filed from everywhere, so the dateline's city decides.

This module is light (no pandas at import) and has no network access.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from exportrow.errors import SUGGEST_CUTOFF

__all__ = ["OUTLETS", "NEWS_CITIES", "ClockError", "Published", "parse_published", "outlet_zone",
           "city_zone", "check_timezone", "format_published"]

#: Outlets that report on East Asia in English: (name, IANA zone of the home newsroom or None for a
#: global wire whose dateline decides, other names it goes by, web domains).
OUTLETS: tuple[tuple[str, str | None, tuple[str, ...], tuple[str, ...]], ...] = (
    # South Korea
    ("Yonhap News Agency", "Asia/Seoul", ("Yonhap", "Yonhap News"), ("yna.co.kr", "en.yna.co.kr")),
    ("The Korea Herald", "Asia/Seoul", ("Korea Herald",), ("koreaherald.com",)),
    ("The Korea Times", "Asia/Seoul", ("Korea Times",), ("koreatimes.co.kr",)),
    ("Korea JoongAng Daily", "Asia/Seoul", ("JoongAng Daily", "JoongAng Ilbo"), ("koreajoongangdaily.joins.com",)),
    ("The Chosun Ilbo", "Asia/Seoul", ("Chosun Ilbo", "Chosun"), ("english.chosun.com",)),
    ("The Hankyoreh", "Asia/Seoul", ("Hankyoreh",), ("english.hani.co.kr",)),
    ("KBS World", "Asia/Seoul", ("KBS", "KBS World Radio"), ("world.kbs.co.kr",)),
    ("Arirang News", "Asia/Seoul", ("Arirang",), ("arirang.com",)),
    # Japan
    ("Nikkei Asian Review", "Asia/Tokyo", ("Nikkei Asia", "Nikkei"), ("asia.nikkei.com",)),
    ("Kyodo News", "Asia/Tokyo", ("Kyodo",), ("english.kyodonews.net",)),
    ("Jiji Press", "Asia/Tokyo", ("Jiji",), ("jen.jiji.com",)),
    ("The Japan Times", "Asia/Tokyo", ("Japan Times",), ("japantimes.co.jp",)),
    ("The Asahi Shimbun", "Asia/Tokyo", ("Asahi Shimbun", "Asahi"), ("asahi.com",)),
    ("The Mainichi", "Asia/Tokyo", ("Mainichi", "Mainichi Shimbun"), ("mainichi.jp",)),
    ("The Japan News", "Asia/Tokyo", ("Japan News", "The Yomiuri Shimbun", "Yomiuri"), ("japannews.yomiuri.co.jp",)),
    ("NHK World-Japan", "Asia/Tokyo", ("NHK World", "NHK"), ("www3.nhk.or.jp",)),
    # China, Hong Kong
    ("Xinhua", "Asia/Shanghai", ("Xinhua News Agency",), ("xinhuanet.com", "english.news.cn")),
    ("China Daily", "Asia/Shanghai", (), ("chinadaily.com.cn",)),
    ("Global Times", "Asia/Shanghai", (), ("globaltimes.cn",)),
    ("CGTN", "Asia/Shanghai", ("China Global Television Network",), ("cgtn.com",)),
    ("People's Daily", "Asia/Shanghai", ("People's Daily Online",), ("en.people.cn",)),
    ("Caixin Global", "Asia/Shanghai", ("Caixin",), ("caixinglobal.com",)),
    ("South China Morning Post", "Asia/Hong_Kong", ("SCMP",), ("scmp.com",)),
    ("RTHK", "Asia/Hong_Kong", ("Radio Television Hong Kong",), ("news.rthk.hk",)),
    # Taiwan
    ("Focus Taiwan", "Asia/Taipei", ("Central News Agency", "CNA", "Focus Taiwan (CNA)"), ("focustaiwan.tw",)),
    ("Taipei Times", "Asia/Taipei", (), ("taipeitimes.com",)),
    ("Taiwan News", "Asia/Taipei", (), ("taiwannews.com.tw",)),
    ("TaiwanPlus", "Asia/Taipei", ("TaiwanPlus News",), ("taiwanplus.com",)),
    # International agencies and broadcasters
    ("Reuters", None, ("Thomson Reuters",), ("reuters.com",)),
    ("Associated Press", None, ("AP", "The Associated Press", "AP News"), ("apnews.com",)),
    ("Agence France-Presse", None, ("AFP",), ("afp.com",)),
    ("Bloomberg", None, ("Bloomberg News",), ("bloomberg.com",)),
    ("BBC News", "Europe/London", ("BBC",), ("bbc.com", "bbc.co.uk")),
    ("Voice of America", "America/New_York", ("VOA",), ("voanews.com",)),
)

#: Dateline cities (as they stand in datelines, upper case) and their IANA zones.
NEWS_CITIES: dict[str, str] = {
    # Korean peninsula
    "SEOUL": "Asia/Seoul", "BUSAN": "Asia/Seoul", "INCHEON": "Asia/Seoul", "SEJONG": "Asia/Seoul",
    "PANMUNJOM": "Asia/Seoul", "DAEGU": "Asia/Seoul", "PYONGYANG": "Asia/Pyongyang",
    # Japan
    "TOKYO": "Asia/Tokyo", "OSAKA": "Asia/Tokyo", "KYOTO": "Asia/Tokyo", "YOKOHAMA": "Asia/Tokyo",
    "NAGOYA": "Asia/Tokyo", "FUKUOKA": "Asia/Tokyo", "SAPPORO": "Asia/Tokyo", "NAHA": "Asia/Tokyo",
    "HIROSHIMA": "Asia/Tokyo", "NAGASAKI": "Asia/Tokyo",
    # China, Hong Kong, Macao, Taiwan, Mongolia
    "BEIJING": "Asia/Shanghai", "SHANGHAI": "Asia/Shanghai", "SHENZHEN": "Asia/Shanghai",
    "GUANGZHOU": "Asia/Shanghai", "TIANJIN": "Asia/Shanghai", "WUHAN": "Asia/Shanghai",
    "DALIAN": "Asia/Shanghai", "HONG KONG": "Asia/Hong_Kong", "MACAU": "Asia/Macau", "MACAO": "Asia/Macau",
    "TAIPEI": "Asia/Taipei", "KAOHSIUNG": "Asia/Taipei", "TAICHUNG": "Asia/Taipei", "KINMEN": "Asia/Taipei",
    "ULAANBAATAR": "Asia/Ulaanbaatar", "VLADIVOSTOK": "Asia/Vladivostok",
    # South-east and south Asia, Oceania
    "SINGAPORE": "Asia/Singapore", "BANGKOK": "Asia/Bangkok", "HANOI": "Asia/Bangkok",
    "HO CHI MINH CITY": "Asia/Ho_Chi_Minh", "MANILA": "Asia/Manila", "JAKARTA": "Asia/Jakarta",
    "KUALA LUMPUR": "Asia/Kuala_Lumpur", "PHNOM PENH": "Asia/Phnom_Penh", "NEW DELHI": "Asia/Kolkata",
    "SYDNEY": "Australia/Sydney", "CANBERRA": "Australia/Sydney",
    # Elsewhere
    "WASHINGTON": "America/New_York", "NEW YORK": "America/New_York", "UNITED NATIONS": "America/New_York",
    "LONDON": "Europe/London", "PARIS": "Europe/Paris", "BRUSSELS": "Europe/Brussels",
    "GENEVA": "Europe/Zurich", "BERLIN": "Europe/Berlin", "MOSCOW": "Europe/Moscow", "DUBAI": "Asia/Dubai",
}


class ClockError(ValueError):
    """A publication date, time or time zone that does not exist (the message says which and why)."""


@dataclass(frozen=True)
class Published:
    """A publication moment as the source states it, no more precise.

    Attributes:
        date: The calendar date the source gives.
        time: The local time of day, or None when the source gives only a date.
        offset: The UTC offset written with the time (``+09:00``), or None.
        text: The words it was read from.
    """

    date: dt.date
    time: dt.time | None = None
    offset: dt.timedelta | None = None
    text: str = ""


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]


def _iso_pattern() -> re.Pattern:
    return re.compile(r"(?P<y>\d{1,4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
                      r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
                      r"\s*(?P<z>Z|[+-]\d{2}:?\d{2})?)?")


#: The years of a news article: from 1700 (the tables hold dates in the years 1678 to 2261,
#: :data:`exportrow.dates.TABLE_YEARS`, and the resolver refuses a date beyond them; 1700 leaves a few decades for
#: periods an article reaches back to) to the last year the date resolver reads as a year (:mod:`exportrow.dates`; a
#: later one leaves "next century" beyond the calendar). Publication dates (capture, ``-p published``) and
#: ``-p date_window`` are refused outside them.
NEWS_YEARS = (1700, 2199)


def _check_date(year: int, month: int, day: int, text: str) -> dt.date:
    if year < 1000:
        raise ClockError(f"{text!r}: year {year} is not a year of a news article; write four digits, e.g. 2019")
    if not NEWS_YEARS[0] <= year <= NEWS_YEARS[1]:
        raise ClockError(f"{text!r}: year {year} is not a year of a news article (years {NEWS_YEARS[0]} to "
                         f"{NEWS_YEARS[1]})")
    if not 1 <= month <= 12:
        raise ClockError(f"{text!r}: month {month} does not exist; months run from 1 to 12")
    try:
        return dt.date(year, month, day)
    except ValueError:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        raise ClockError(f"{text!r}: {dt.date(year, month, 1):%B} {year} has no day {day} "
                         f"(it has {last} days)") from None


def _check_time(hour: int, minute: int, second: int, text: str) -> dt.time:
    if not 0 <= hour <= 23 or not 0 <= minute <= 59 or not 0 <= second <= 59:
        raise ClockError(f"{text!r}: {hour:02d}:{minute:02d} is not a time of day "
                         "(hours run 0-23, minutes 0-59)")
    return dt.time(hour, minute, second)


def parse_published(value) -> Published:
    """Read a publication date or date-time in ISO 8601 form, refusing dates that do not exist.

    Args:
        value: ``"2019-07-12"`` (a date), ``"2019-07-12T07:30"`` (a local time),
            ``"2019-07-12T07:30:00+09:00"`` or ``...Z`` (a time with its offset), or a
            ``datetime.date``/``datetime``.

    Raises:
        ClockError: Not ISO 8601, or a date or time that does not exist.

    Examples:
        >>> parse_published("2019-07-12")
        Published(date=datetime.date(2019, 7, 12), time=None, offset=None, text='2019-07-12')
        >>> p = parse_published("2019-07-12T07:30:00+09:00")
        >>> p.time, p.offset
        (datetime.time(7, 30), datetime.timedelta(seconds=32400))
        >>> parse_published("2019-02-30")
        Traceback (most recent call last):
        ...
        exportrow.clock.ClockError: '2019-02-30': February 2019 has no day 30 (it has 28 days)
        >>> parse_published("2019-07-12T27:99")
        Traceback (most recent call last):
        ...
        exportrow.clock.ClockError: '2019-07-12T27:99': 27:99 is not a time of day (hours run 0-23, minutes 0-59)
    """
    if isinstance(value, dt.datetime):
        value = value.isoformat()
    elif isinstance(value, dt.date):
        value = value.isoformat()
    if not isinstance(value, str) or not value.strip():
        raise ClockError(f"{value!r} is not a date; write an ISO date such as 2019-07-12 "
                         "or a date-time such as 2019-07-12T07:30:00+09:00")
    text = value.strip()
    m = _iso_pattern().fullmatch(text)
    if not m:
        raise ClockError(f"{text!r} is not an ISO 8601 date; write e.g. 2019-07-12, 2019-07-12T07:30 "
                         "or 2019-07-12T07:30:00+09:00")
    date = _check_date(int(m["y"]), int(m["m"]), int(m["d"]), text)
    if m["H"] is None:
        return Published(date, text=text)
    time = _check_time(int(m["H"]), int(m["M"]), int(m["S"] or 0), text)
    offset = None
    if m["z"]:
        z = m["z"].replace(":", "")
        offset = dt.timedelta(0) if z == "Z" else (1 if z[0] == "+" else -1) * dt.timedelta(
            hours=int(z[1:3]), minutes=int(z[3:5]))
        if abs(offset) > dt.timedelta(hours=14) or int(z[3:5] if z != "Z" else 0) > 59:
            raise ClockError(f"{text!r}: UTC offset {m['z']} does not exist (offsets run from -12:00 to +14:00)")
    return Published(date, time, offset, text)


def _month_number(word: str) -> int | None:
    w = word.lower()
    if w in _MONTHS:
        return _MONTHS.index(w) + 1
    full = [m for m in _MONTHS if len(w) >= 3 and m.startswith(w) and (len(w) == 3 or w == "sept")]
    return _MONTHS.index(full[0]) + 1 if full else None


def header_published(date_text: str, time_text: str | None = None) -> Published:
    """Read the capture header's ``July 12, 2019`` and ``7:30 a.m.`` (or ``19:30``).

    Examples:
        >>> header_published("July 12, 2019", "7:30 p.m.").time
        datetime.time(19, 30)
        >>> header_published("Aug. 9, 2024").date
        datetime.date(2024, 8, 9)
        >>> header_published("February 30, 2019")
        Traceback (most recent call last):
        ...
        exportrow.clock.ClockError: 'February 30, 2019': February 2019 has no day 30 (it has 28 days)
        >>> header_published("July 12, 2019", "13:10 p.m.")
        Traceback (most recent call last):
        ...
        exportrow.clock.ClockError: '13:10 p.m.': 13 is not an hour on a 12-hour clock (1-12 with a.m./p.m.)
    """
    m = re.fullmatch(r"([A-Za-z]+)\.? (\d{1,2}), (\d{1,4})", date_text.strip())
    if not m:
        raise ClockError(f"{date_text!r} is not a date like 'July 12, 2019'")
    month = _month_number(m.group(1))
    if not month:
        raise ClockError(f"{date_text!r}: {m.group(1)!r} is not an English month name (write e.g. 'July 12, 2019')")
    date = _check_date(int(m.group(3)), month, int(m.group(2)), date_text)
    if not time_text:
        return Published(date, text=date_text)
    t = re.fullmatch(r"(\d{1,2}):(\d{2})\s*(?:([ap])\.?\s?m\.?)?", time_text.strip(), re.I)
    if not t:
        raise ClockError(f"{time_text!r} is not a time like '7:30 a.m.' or '19:30'")
    hour, minute = int(t.group(1)), int(t.group(2))
    if t.group(3):
        if not 1 <= hour <= 12:
            raise ClockError(f"{time_text!r}: {hour} is not an hour on a 12-hour clock (1-12 with a.m./p.m.)")
        hour = hour % 12 + (12 if t.group(3).lower() == "p" else 0)
    return Published(date, _check_time(hour, minute, 0, time_text), text=f"{date_text}, {time_text}")


@functools.cache
def _outlet_index() -> dict[str, tuple[str, str | None]]:
    index = {}
    for name, zone, aliases, domains in OUTLETS:
        for key in (name, *aliases):
            index[_key(key)] = (name, zone)
        for d in domains:
            index["domain:" + d.lower()] = (name, zone)
    return index


def _key(name: str) -> str:
    k = re.sub(r"[^a-z0-9]+", " ", name.lower().replace("\u2019", "'").replace("'", "")).strip()
    return k.removeprefix("the ")


def outlet_zone(outlet: str = "", url: str = "") -> tuple[str, str | None] | None:
    """The outlet table's entry for an outlet name (or its web address): (name, zone or None).

    None means the outlet is not in the table. A zone of None means a global wire service
    whose dateline decides.

    Examples:
        >>> outlet_zone("Yonhap")
        ('Yonhap News Agency', 'Asia/Seoul')
        >>> outlet_zone("", "https://www.koreaherald.com/view.php?ud=1")
        ('The Korea Herald', 'Asia/Seoul')
        >>> outlet_zone("Reuters"), outlet_zone("The Example Gazette")
        (('Reuters', None), None)
    """
    index = _outlet_index()
    if outlet and _key(outlet) in index:
        return index[_key(outlet)]
    host = re.sub(r"^[a-z]+://", "", (url or "").strip().lower()).split("/")[0].split(":")[0]
    while host:
        if "domain:" + host in index:
            return index["domain:" + host]
        host = host.partition(".")[2] if "." in host else ""
    return None


def city_zone(city: str) -> str | None:
    """The zone of a dateline city, or None when it is not in :data:`NEWS_CITIES`.

    Examples:
        >>> city_zone("SEOUL"), city_zone("Tokyo"), city_zone("FREEDON")
        ('Asia/Seoul', 'Asia/Tokyo', None)
    """
    return NEWS_CITIES.get(" ".join(city.upper().replace(".", "").split()))


@functools.cache
def check_timezone(name: str) -> str:
    """``name`` if it is an IANA time zone, else a :class:`ClockError` naming the nearest ones.

    Examples:
        >>> check_timezone("Asia/Seoul")
        'Asia/Seoul'
        >>> check_timezone("Asia/Soeul")
        Traceback (most recent call last):
        ...
        exportrow.clock.ClockError: time zone 'Asia/Soeul' is not an IANA zone name; did you mean 'Asia/Seoul'?
    """
    import difflib
    import zoneinfo

    text = name.strip() if isinstance(name, str) else ""
    try:
        if not text or ".." in text or text.startswith("/"):
            raise zoneinfo.ZoneInfoNotFoundError(text)
        zoneinfo.ZoneInfo(text)
        return text
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        near = difflib.get_close_matches(str(name), sorted(zoneinfo.available_timezones()), n=1, cutoff=SUGGEST_CUTOFF)
        hint = f"did you mean {near[0]!r}?" if near else "write a name such as 'Asia/Seoul' or 'Asia/Tokyo'"
        raise ClockError(f"time zone {name!r} is not an IANA zone name; {hint}") from None


def format_published(date: dt.date, time: dt.time | None, zone_label: str) -> str:
    """The publication moment in words, as precise as known and no more.

    Examples:
        >>> format_published(dt.date(2019, 7, 12), dt.time(7, 30), "JST, Asia/Tokyo")
        '12 July 2019, 07:30 (JST, Asia/Tokyo)'
        >>> format_published(dt.date(2019, 7, 12), None, "")
        '12 July 2019 (date only)'
        >>> format_published(dt.date(2019, 7, 12), dt.time(9, 15), "")
        '12 July 2019, 09:15 (time zone unknown)'
    """
    day = f"{date.day} {date:%B %Y}"
    if time is None:
        return f"{day} (date only)"
    return f"{day}, {time:%H:%M} ({zone_label or 'time zone unknown'})"
