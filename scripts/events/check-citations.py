#!/usr/bin/env python3
"""Check curated events against the documents they cite.

Usage:
    python3 scripts/events/check-citations.py [EVENTS.geojson ...]
        [--registry data/documents.json] [--documents-dir DIR] [--readme data/events/README.md]

With no EVENTS arguments every data/events/*.geojson is checked. A document file named in the
registry is looked for in --documents-dir, then data/documents/, then ../shared/documents/ (the
sibling of the repository). Stdlib only.

Each event gets one OK/FAIL line (with reasons); file-level problems get their own FAIL lines.
Exit code 0 when everything passes, 1 otherwise.

Conventions checked (see data/events/README.md):
  * paragraphs are the non-empty lines of the document, numbered from 1 at the title line;
  * offsets are Unicode code point offsets, half-open [start, end), into the whole file;
  * the cited passage lies inside the cited paragraph and contains a date word that agrees with
    the event's dates: a year inside [start, end], a month name of a month the range touches, or
    "this year" when the document's publication year is in the range; day-precision events must
    show the day next to the month name;
  * titles and summaries are the curator's own words: no run of SHINGLE words taken from the
    document.
"""

import argparse
import calendar
import datetime as dt
import glob
import hashlib
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

KEYS = [
    "id", "title", "summary", "start", "end", "date_precision", "place_name", "location_basis",
    "location_confidence", "category", "actors", "layer", "citation_document",
    "citation_paragraph", "citation_start", "citation_end",
]
PRECISIONS = {"day", "month", "early-month", "mid-month", "late-month", "year", "range"}
BASES = {"named_in_text", "capital_of_acting_state", "host_city", "publisher_city", "approximate_area"}
CONFIDENCES = {"high", "medium", "low"}
CATEGORIES = {"military", "diplomatic", "economic", "security_partnership", "report"}
LAYERS = {"aes-territory", "algeria-border", "algeria-border-zone", "kidal", "gao-intahaka",
          "tinzaouaten", None}
MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTH_RE = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")  # case-sensitive: "may" is a verb
MONTH_YEAR_RE = re.compile(r"\b(" + "|".join(MONTHS) + r")(?: (\d{1,2}))?,? (1[89]\d\d|20\d\d)\b")
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SHINGLE = 6
TITLE_MAX = 80


def paragraphs(text):
    """[(number, start, end)] for the non-empty lines of text, numbered from 1."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((len(out) + 1, pos, pos + len(line)))
        pos += len(line) + 1
    return out


def parse_date(value):
    try:
        return dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d\d-\d\d", value) else None
    except (TypeError, ValueError):
        return None


def expected_range(precision, start):
    """The [start, end] a non-range precision implies, given the start date."""
    y, m = start.year, start.month
    last = calendar.monthrange(y, m)[1]
    return {
        "day": (start, start),
        "month": (dt.date(y, m, 1), dt.date(y, m, last)),
        "early-month": (dt.date(y, m, 1), dt.date(y, m, 10)),
        "mid-month": (dt.date(y, m, 11), dt.date(y, m, 20)),
        "late-month": (dt.date(y, m, 21), dt.date(y, m, last)),
        "year": (dt.date(y, 1, 1), dt.date(y, 12, 31)),
    }.get(precision)


def months_in(start, end):
    """{(year, month)} for every month the inclusive range touches."""
    y, m, out = start.year, start.month, set()
    while (y, m) <= (end.year, end.month):
        out.add((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def date_words_agree(passage, start, end, precision, published_year):
    """None if a date word in passage fits [start, end], else the reason it does not.

    "November 2023" / "October 21, 2024" must match as a month of that year; a bare month
    ("July") matches by month; a bare year ("2016") by year; "this year" means the
    publication year."""
    span = months_in(start, end)
    pairs, bare_months, bare_years, used = set(), set(), set(), []
    for m in MONTH_YEAR_RE.finditer(passage):
        pairs.add((int(m.group(3)), MONTHS[m.group(1)]))
        used.append(m.span())
    for m in MONTH_RE.finditer(passage):
        if not any(a <= m.start() < b for a, b in used):
            bare_months.add(MONTHS[m.group(1)])
    for m in YEAR_RE.finditer(passage):
        if not any(a <= m.start() < b for a, b in used):
            bare_years.add(int(m.group(1)))
    ok = (bool(pairs & span)
          or any(mo in {m for _, m in span} for mo in bare_months)
          or any(start.year <= y <= end.year for y in bare_years)
          or ("this year" in passage.lower() and published_year is not None
              and start.year <= published_year <= end.year))
    if not ok:
        return "passage has no date word matching %s..%s (found %s)" % (
            start, end, sorted(pairs) + sorted(bare_months) + sorted(bare_years))
    if precision == "day":
        name = calendar.month_name[start.month]
        day = r"0?%d" % start.day
        if not re.search(r"\b(%s %s|%s %s)\b" % (name, day, day, name), passage):
            return "day precision but passage lacks '%s %d'" % (name, start.day)
    return None


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower().replace("’", "'").replace("'", ""))


def shingles(tokens, n):
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def decimals(x):
    s = repr(float(x))
    return 0 if "e" in s else len(s.split(".")[1].rstrip("0"))


def find_document(name, documents_dir):
    for d in [documents_dir, os.path.join(REPO, "data", "documents"),
              os.path.join(os.path.dirname(REPO), "shared", "documents")]:
        if d and os.path.isfile(os.path.join(d, name)):
            return os.path.join(d, name)
    return None


def load_documents(registry_path, documents_dir, failures):
    docs = {}
    with open(registry_path, encoding="utf-8") as f:
        registry = json.load(f)
    for entry in registry:
        path = find_document(entry.get("file", ""), documents_dir)
        if not path:
            failures.append("FAIL registry %s: document file %r not found" % (entry.get("id"), entry.get("file")))
            print(failures[-1])
            continue
        raw = open(path, "rb").read()
        text = raw.decode("utf-8")
        problems = []
        if hashlib.sha256(raw).hexdigest() != entry.get("sha256"):
            problems.append("sha256 mismatch")
        if len(text) != entry.get("chars"):
            problems.append("chars %s != %d code points" % (entry.get("chars"), len(text)))
        if any(ord(c) > 0xFFFF for c in text):
            problems.append("text has astral characters: code points differ from UTF-16 units")
        published = parse_date(entry.get("published") or "")
        for p in problems:
            failures.append("FAIL registry %s: %s" % (entry.get("id"), p))
            print(failures[-1])
        if not problems:
            print("OK   registry %s (%s, %d chars)" % (entry["id"], path, len(text)))
        docs[entry["id"]] = {
            "text": text,
            "paragraphs": paragraphs(text),
            "published_year": published.year if published else None,
            "shingles": shingles(words(text), SHINGLE),
        }
    return docs


def check_feature(feature, docs):
    """Return (id, [problems]) for one feature."""
    problems = []
    props = feature.get("properties") or {}
    fid = props.get("id", "<no id>")
    if feature.get("type") != "Feature":
        problems.append("type is not Feature")
    if feature.get("id") != props.get("id"):
        problems.append("feature id %r != properties.id %r" % (feature.get("id"), props.get("id")))
    if list(props.keys()) != KEYS and set(props.keys()) != set(KEYS):
        problems.append("property keys differ: missing %s, extra %s" % (
            sorted(set(KEYS) - set(props)), sorted(set(props) - set(KEYS))))
    if not SLUG_RE.match(str(fid)):
        problems.append("id is not a lowercase slug")

    geom = feature.get("geometry") or {}
    coords = geom.get("coordinates")
    if geom.get("type") != "Point" or not isinstance(coords, list) or len(coords) != 2:
        problems.append("geometry must be a 2D Point")
    else:
        lon, lat = coords
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            problems.append("coordinates out of range (lon, lat order?)")
        if decimals(lon) > 5 or decimals(lat) > 5:
            problems.append("more than 5 decimals")

    for key, allowed in [("date_precision", PRECISIONS), ("location_basis", BASES),
                         ("location_confidence", CONFIDENCES), ("category", CATEGORIES),
                         ("layer", LAYERS)]:
        if props.get(key) not in allowed:
            problems.append("%s %r not allowed" % (key, props.get(key)))
    if props.get("location_basis") == "approximate_area" and props.get("location_confidence") == "high":
        problems.append("approximate_area cannot have high confidence")

    title, summary = props.get("title"), props.get("summary")
    if not isinstance(title, str) or not title.strip() or len(title) > TITLE_MAX:
        problems.append("title missing or longer than %d" % TITLE_MAX)
    if not isinstance(summary, str) or not summary.strip():
        problems.append("summary missing")
    actors = props.get("actors")
    if not isinstance(actors, list) or not actors or not all(isinstance(a, str) and a for a in actors):
        problems.append("actors must be a non-empty array of strings")
    if not isinstance(props.get("place_name"), str) or not props.get("place_name"):
        problems.append("place_name missing")

    start, end = parse_date(props.get("start")), parse_date(props.get("end"))
    precision = props.get("date_precision")
    if not start or not end:
        problems.append("start/end not ISO dates")
    elif start > end:
        problems.append("start after end")
    elif precision in PRECISIONS - {"range"} and expected_range(precision, start) != (start, end):
        problems.append("%s precision implies %s..%s" % ((precision,) + expected_range(precision, start)))

    doc = docs.get(props.get("citation_document"))
    para_no, cs, ce = (props.get("citation_paragraph"), props.get("citation_start"),
                       props.get("citation_end"))
    if doc is None:
        problems.append("unknown citation_document %r" % props.get("citation_document"))
    elif not all(isinstance(v, int) and not isinstance(v, bool) for v in (para_no, cs, ce)):
        problems.append("citation_paragraph/start/end must be integers")
    elif not 1 <= para_no <= len(doc["paragraphs"]):
        problems.append("paragraph %d out of 1..%d" % (para_no, len(doc["paragraphs"])))
    else:
        _, ps, pe = doc["paragraphs"][para_no - 1]
        if not (ps <= cs < ce <= pe):
            problems.append("passage [%d,%d) not inside paragraph %d [%d,%d)" % (cs, ce, para_no, ps, pe))
        elif start and end and start <= end:
            passage = doc["text"][cs:ce]
            bad = date_words_agree(passage, start, end, precision, doc["published_year"])
            if bad:
                problems.append(bad)
            if props.get("location_basis") == "named_in_text":
                place = (props.get("place_name") or "").split()[0:1]
                if place and place[0] not in passage:
                    problems.append("named_in_text but %r not in passage" % place[0])
        own = words((title or "") + " . " + (summary or ""))
        copied = [" ".join(s) for s in shingles(own, SHINGLE) & doc["shingles"]]
        if copied:
            problems.append("title/summary repeat document wording: %s" % "; ".join(sorted(copied)))
    return fid, problems


def readme_counts(path):
    """{'year': {...}, 'category': {...}} from the markdown tables headed | year | / | category |."""
    tables, current = {}, None
    for line in open(path, encoding="utf-8"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else None
        if not cells:
            current = None
            continue
        if cells[0] in ("year", "category") and len(cells) >= 2 and cells[1] == "events":
            current = tables.setdefault(cells[0], {})
        elif current is not None and not set(cells[0]) <= set("-: ") and cells[0] != "total":
            current[cells[0]] = int(cells[1])
    return tables


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("events", nargs="*")
    ap.add_argument("--registry", default=os.path.join(REPO, "data", "documents.json"))
    ap.add_argument("--documents-dir")
    ap.add_argument("--readme", default=os.path.join(REPO, "data", "events", "README.md"))
    args = ap.parse_args(argv)
    files = args.events or sorted(glob.glob(os.path.join(REPO, "data", "events", "*.geojson")))

    failures = []
    docs = load_documents(args.registry, args.documents_dir, failures)
    per_year, per_category, seen, n_events = {}, {}, set(), 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        fc = json.loads(raw)
        if fc.get("type") != "FeatureCollection" or not isinstance(fc.get("features"), list):
            failures.append("FAIL %s: not a FeatureCollection" % path)
            print(failures[-1])
            continue
        if raw != json.dumps(fc, indent=2, ensure_ascii=False) + "\n":
            failures.append("FAIL %s: not 2-space pretty-printed UTF-8 with a trailing newline" % path)
            print(failures[-1])
        order = [(f.get("properties", {}).get("start") or "", f.get("id") or "") for f in fc["features"]]
        if order != sorted(order):
            failures.append("FAIL %s: features not sorted by start, then id" % path)
            print(failures[-1])
        for feature in fc["features"]:
            n_events += 1
            fid, problems = check_feature(feature, docs)
            if fid in seen:
                problems.append("duplicate id")
            seen.add(fid)
            if problems:
                failures.append("FAIL %s: %s" % (fid, "; ".join(problems)))
                print(failures[-1])
            else:
                print("OK   %s" % fid)
            props = feature.get("properties", {})
            year = (props.get("start") or "????")[:4]
            per_year[year] = per_year.get(year, 0) + 1
            per_category[props.get("category")] = per_category.get(props.get("category"), 0) + 1

    print("\nevents per year (by start date):")
    for y in sorted(per_year):
        print("  %s %3d" % (y, per_year[y]))
    print("events per category:")
    for c in sorted(per_category, key=str):
        print("  %-20s %3d" % (c, per_category[c]))

    if os.path.isfile(args.readme) and not args.events:
        tables = readme_counts(args.readme)
        for name, actual in [("year", per_year), ("category", per_category)]:
            if tables.get(name) != actual:
                failures.append("FAIL README %s table %s != data %s" % (name, tables.get(name), actual))
                print(failures[-1])
            else:
                print("OK   README %s table" % name)

    print("%s: %d events in %d file(s), %d problem(s)" % (
        "OK" if not failures else "FAIL", n_events, len(files), len(failures)))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
