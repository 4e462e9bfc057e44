"""Tarazu's Persian text is a fixed point of hazm's Normalizer (PyPI `hazm`, the reference Persian normalizer).

Checked, sentence by sentence: the Persian governance report (HTML and Markdown) of the committed sample
`samples/tabriz` and of a generated book (`tarazu sample --lines 2000 --seed 5`), and the Persian pages
served by `tarazu serve` over the demo store (live_server.py): the portal, participatory budgeting with a
vote (phone, code, ballot, receipt), and, signed in as an admin, the council dashboard, the management and
the admin pages, crawled by their links (three pages stand for all of one kind, such as projects). A
sentence hazm would change fails the test, which prints it with hazm's version and the changed spots,
invisible characters named (ZWNJ is U+200C, the half-space).

What hazm catches here: Arabic «ي»/«ك» for Persian «ی»/«ک» (and other Arabic letter forms); Latin or
Arabic-Indic digits (and «%») in Persian text; «می»/«نمی» written apart from their verb; «ها»,
«های»,  «تر», «ترین», «ای» and the like written apart from their word where hazm joins them with a
ZWNJ; spaces before «،», «.», «:», «؛», «؟», «)», «»» or after «(», «««, and missing ones after them;
straight quotes for «»; doubled spaces.

hazm is installed by scripts/hazm/install into .build/hazm (scripts/test runs it): hazm 0.10.0 pins a
numpy that would break the rest of the suite, so it lives in its own folder and runs in a helper process
(scripts/hazm/normalize.py). Without that folder the test skips, unless CI is set: then it fails.

The Normalizer options, and why (hazm 0.10.0, hazm/normalizer.py):
- correct_spacing=True: the spacing of punctuation, ZWNJs of suffixes and prefixes, doubled spaces.
- seperate_mi=True: joins «می»/«نمی» to a verb written together or apart. Also required: hazm's
  correct_spacing uses the verb list that only this option loads.
- persian_numbers=True: Latin and Arabic-Indic digits and «%» become Persian.
- persian_style=True: straight quotes become «», a dot between digits the Persian decimal separator «٫»,
  «...» an ellipsis.
- decrease_repeated_chars=True: a letter tripled by mistake.
- unicodes_replacement=True: ligatures such as «﷼» for «ریال».
- remove_diacritics=False: hazm drops every diacritic, but Persian keeps some by rule: the tanvin of
  «اصلاً», «نسبتاً», «دقیقاً», and a kasra or a tashdid where a word would be misread.
- remove_specials_chars=False: it deletes U+0654 (hamza above), and with it the ezafe of «بودجهٔ»,
  «برنامهٔ» that the glossary (docs/glossary.md) writes.

Besides the options, the test keeps some text away from hazm's tokenizer, which would flag correct text:
- numbers: hazm's WordTokenizer cuts digits from any other character, so «۲۸٫۲٪» would come back as
  «۲۸ ٫ ۲ ٪», «۱۴۰۰–۱۴۰۳» as «۱۴۰۰ – ۱۴۰۳» and «-۸٫۲٪» as «- ۸٫۲٪». A number (digits with «٫», «٬»,
  «.», «,», «/», «:», «-», «–» between them, a sign before them when a space or an opening bracket
  precedes it, an optional «٪»/«%» after) goes to hazm as one digit, so the spacing around it is still
  judged, and its own characters are judged by the same Normalizer without the word-level steps (so
  «12.5%» still fails: hazm writes «۱۲٫۵٪»).
- Latin identifiers and code («PI-2.1», «SHA-256», `execution.rate.total`, a file name, text marked
  left to right or English): hazm would turn their digits Persian and put a space after every dot
  inside them. They go to hazm as one Latin word.
- bidi controls (the isolates around a signed number, LRM, RLM) are invisible layout; hazm would cut
  them off as words. They are dropped; a no-break space is read as a space (hazm would make it one).
And three kinds of change hazm makes are not counted as defects (tolerated(), which says why): a space
made a ZWNJ between two whole words (hazm's dictionary writes «نوشته‌شده است», «محیط‌زیست»), spaces put
around «/», and «...» made «…». A space made a ZWNJ before a suffix or after «می»/«نمی» still counts.
"""
import difflib
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import REPO, tarazu_binary
from live_server import add_user, demo_server

HAZM_DIR = REPO / os.environ.get("TARAZU_HAZM_DIR", ".build/hazm")  # as scripts/hazm/install (an absolute path stays)
HELPER = REPO / "scripts" / "hazm" / "normalize.py"
OPTIONS = {
    "correct_spacing": True,
    "seperate_mi": True,
    "persian_numbers": True,
    "persian_style": True,
    "decrease_repeated_chars": True,
    "unicodes_replacement": True,
    "remove_diacritics": False,
    "remove_specials_chars": False,
}

BOOK = REPO / "samples" / "tabriz"
ADMIN, PASSWORD = "admin1", "a long enough admin password"


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


# -- hazm, in its own process --------------------------------------------------------------------

class Hazm:
    """scripts/hazm/normalize.py running with the private hazm folder on its path (its stderr, where the
    imports of hazm's dependencies may warn, goes to a file: a pipe nobody reads could fill and block it)."""

    def __init__(self):
        environment = {**os.environ, "PYTHONPATH": str(HAZM_DIR)}
        self.errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.process = subprocess.Popen([sys.executable, str(HELPER), json.dumps(OPTIONS)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.errors, text=True, encoding="utf-8",
                                        env=environment)
        ready = self.process.stdout.readline()
        if not ready:
            self.process.wait(timeout=30)
            pytest.fail(f"hazm's Normalizer did not start from {HAZM_DIR}:\n{self.stderr()}")
        self.version = json.loads(ready)["ready"]

    def stderr(self):
        self.errors.seek(0)
        return self.errors.read()[-3000:]

    def normalize(self, texts, characters):
        """(TEXTS by the Normalizer, CHARACTERS by its character-level steps alone)."""
        self.process.stdin.write(json.dumps({"texts": texts, "characters": characters}, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"hazm's helper died:\n{self.stderr()}"
        answer = json.loads(line)
        return answer["texts"], answer["characters"]

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.errors.close()


@pytest.fixture(scope="module")
def hazm():
    if not (HAZM_DIR / "hazm" / "normalizer.py").exists():
        message = f"hazm is not installed in {HAZM_DIR}: run scripts/hazm/install (scripts/test does)"
        if in_ci():
            pytest.fail(message + "; CI is set, so the Persian normalization check must run")
        pytest.skip(message)
    helper = Hazm()
    yield helper
    helper.close()


# -- text out of the outputs ---------------------------------------------------------------------

# A protected run (code, a Latin identifier, text marked English or left to right) inside extracted text:
# the extractors put PROTECT + the run + END, so that the run reaches hazm as one Latin word.
PROTECT, END = "\ue000", "\ue001"
LATIN_WORD = "ZQX"  # what a protected run or a Latin word is to hazm: untouched, and kept as one token
NUMBER = "۵"        # what a number is to hazm: one digit, so the spacing around it is still judged
DIGIT = "0-9٠-٩۰-۹"
TOKENS = re.compile(
    f"(?P<protected>{PROTECT}[^{END}]*{END})"
    r"|(?P<latin>[A-Za-z][A-Za-z0-9]*(?:[-_./:@+#?=&~]+[A-Za-z0-9]+)*)"
    f"|(?P<number>(?:(?<![^\\s(\\[«])[-+−])?[{DIGIT}]+(?:[٫٬.,/:\\-–][{DIGIT}]+)*[%٪]?)")
# Bidi controls (LRM, RLM, embeddings, isolates): invisible layout around numbers and Latin runs, which
# hazm's tokenizer would cut off as words of their own.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text):
    """TEXT without the marks of protected runs."""
    return text.replace(PROTECT, "").replace(END, "").strip()


class Stylesheet:
    """The rules of a page's CSS that make an element a block (display: block, flex, grid, table, ...), for
    selectors made of tag names and classes joined by descendant combinators; rules inside @media and
    other selectors are left out. An inline element such a rule matches (`.evidence`, `figcaption .muted`)
    starts a new text unit, as it starts a new line on the screen."""

    BLOCK = {"block", "flex", "grid", "table", "list-item", "table-row", "table-cell", "flow-root"}

    def __init__(self, css=""):
        self.selectors = []
        self.add(css)

    def add(self, css):
        css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
        depth, start, prelude = 0, 0, ""
        for index, char in enumerate(css):
            if char == "{":
                if depth == 0:
                    prelude, start = css[start:index].strip(), index + 1
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    body, start = css[start:index], index + 1
                    display = re.search(r"(?:^|[;\s])display\s*:\s*([\w-]+)", body)
                    if prelude.startswith("@") or not display or display.group(1) not in self.BLOCK:
                        continue
                    for selector in prelude.split(","):
                        compounds = [self.compound(part) for part in selector.split()]
                        if compounds and all(compounds):
                            self.selectors.append(compounds)

    @staticmethod
    def compound(text):
        match = re.fullmatch(r"([a-z][a-z0-9]*)?((?:\.[\w-]+)*)", text)
        if not match or not text:
            return None
        return match.group(1), set(filter(None, match.group(2).split(".")))

    def makes_block(self, element, ancestors):
        """Whether ELEMENT ((tag, classes)) is a block under ANCESTORS (outermost first)."""
        def matches(compound, node):
            return (compound[0] is None or compound[0] == node[0]) and compound[1] <= node[1]
        for compounds in self.selectors:
            if not matches(compounds[-1], element):
                continue
            remaining = compounds[:-1]
            for node in reversed(ancestors):
                if remaining and matches(remaining[-1], node):
                    remaining = remaining[:-1]
            if not remaining:
                return True
        return False


class PageText(html.parser.HTMLParser):
    """The text units of an HTML page: the text of each block (a paragraph, a heading, a list item, a table
    cell, an SVG label, an inline element the page's CSS shows as a block) and the attributes a reader or a
    screen reader meets (alt, title, aria-label, placeholder, a meta description), white space collapsed as
    a browser does. Text marked English or left to right, and code, is protected."""

    INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "label", "mark", "q", "s",
              "samp", "small", "span", "strong", "sub", "sup", "time", "tspan", "u", "var"}
    SKIPPED = {"style", "script", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}

    def __init__(self, css=""):
        super().__init__(convert_charrefs=True)
        self.stylesheet = Stylesheet(css)
        self.units, self.current, self.stack = [], [], []  # stack: (tag, classes, mode, block)

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.current))
        self.current = []
        if plain(text):
            self.units.append(text)

    def attribute_unit(self, value):
        if value and value.strip():
            self.units.append(re.sub(r"\s+", " ", value))

    @staticmethod
    def protected(tag, attributes):
        return tag in ("code", "kbd", "samp", "pre") or attributes.get("dir") == "ltr" or (
            "lang" in attributes and not (attributes["lang"] or "").startswith("fa"))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        inside_protected = any(entry[2] == "protected" for entry in self.stack)
        if not inside_protected and not self.protected(tag, attributes):
            for name in self.ATTRIBUTES:
                self.attribute_unit(attributes.get(name))
            if tag == "meta" and attributes.get("name") == "description":
                self.attribute_unit(attributes.get("content"))
        node = (tag, set((attributes.get("class") or "").split()))
        block = tag not in self.INLINE or self.stylesheet.makes_block(node, [(e[0], e[1]) for e in self.stack])
        if block:
            self.flush()
        if tag in self.VOID:
            return
        protect = self.protected(tag, attributes) and not inside_protected
        if protect:
            self.current.append(PROTECT)
        self.stack.append((tag, node[1], "protected" if protect else "skipped" if tag in self.SKIPPED else "", block))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID or not any(entry[0] == tag for entry in self.stack):
            return
        block = False
        while self.stack:
            name, _, mode, block = self.stack.pop()
            if mode == "protected":
                self.current.append(END)
            if name == tag:
                break
        if block:
            self.flush()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            self.stylesheet.add(data)
        if any(entry[2] == "skipped" for entry in self.stack):
            return
        self.current.append(data)

    def close(self):
        super().close()
        self.flush()


def html_units(page, css=""):
    """The text units of PAGE; CSS is its linked stylesheets' text (its <style> elements are read too)."""
    parser = PageText(css)
    parser.feed(page)
    parser.close()
    return parser.units


MARKDOWN_ESCAPE = re.compile(r"\\([\\*_`|\[\]#])")


def markdown_inline(text):
    """A line of the report's Markdown (MarkdownWriter) as text: code spans protected, emphasis markers
    dropped, backslash escapes and entities undone."""
    out = []
    for part in re.split(r"(`[^`]*`)", text):
        if len(part) >= 2 and part.startswith("`") and part.endswith("`"):
            out.append(PROTECT + part[1:-1].replace("\\|", "|") + END)
            continue
        part = re.sub(r"(?<!\\)\*+", "", part)
        out.append(html.unescape(MARKDOWN_ESCAPE.sub(r"\1", part)))
    return "".join(out)


def markdown_units(markdown):
    """The text units of the report's Markdown: each line, each table cell; markers of headings, list
    items and quotes dropped. Spaces are kept as written (a reader of the file sees them)."""
    units = []
    for line in markdown.replace("\u00a0", " ").splitlines():
        line = line.strip()
        if not line or re.fullmatch(r"\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*", line):
            continue
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip("|"))
            units += [markdown_inline(cell.strip()) for cell in cells if cell.strip()]
            continue
        units.append(markdown_inline(re.sub(r"^(#+|-|>)\s+", "", line)))
    return units


def sentences(unit):
    """A unit cut into sentences after «.», «!», «؟» or «?» and a space (never inside a protected run);
    bidi controls dropped."""
    text = BIDI_CONTROLS.sub("", unit).strip()
    pieces, start, inside = [], 0, False
    for index, char in enumerate(text):
        if char in (PROTECT, END):
            inside = char == PROTECT
        elif not inside and char == " " and index > 0 and text[index - 1] in ".!؟?":
            pieces.append(text[start:index])
            start = index + 1
    pieces.append(text[start:])
    return [piece for piece in pieces if plain(piece)]


# -- the comparison ------------------------------------------------------------------------------

# hazm's suffixes and clitics: a space before one of these that hazm turns into a ZWNJ is a defect.
SUFFIXES = {"ی", "ای", "ها", "های", "هایی", "تر", "تری", "ترین", "گر", "گری", "ام", "ات", "اش", "ایم", "اید", "اند"}
PREFIXES = {"می", "نمی"}
# Auxiliaries: a participle before one is part of a verb, written apart («پیش‌بینی نشده است»).
AUXILIARIES = {"است", "بود", "بوده", "باشد", "باشند", "بودند", "اند", "شد", "شود", "شوند", "شده"}
PUNCTUATION = ".,:;!?،؛؟«»()[]{}/\\\"'…-"
WORD_CHAR = re.compile(f"[^\\s\u200c{re.escape(PUNCTUATION)}]")
JOINED_CHAR = re.compile(f"[^\\s{re.escape(PUNCTUATION)}]")


def glossary_compounds():
    """The words of docs/glossary.md's terms written with a ZWNJ («پیش‌بینی‌نشده», «کم‌جمعیت»)."""
    words = set()
    for line in (REPO / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and not set(cells[1]) <= set("-: "):
            words |= {word.strip(PUNCTUATION) for word in cells[1].split() if "\u200c" in word}
    return words


GLOSSARY_COMPOUNDS = glossary_compounds()


def word_before(text, index, pattern=WORD_CHAR):
    start = index
    while start > 0 and pattern.match(text[start - 1]):
        start -= 1
    return text[start:index]


def word_after(text, index, pattern=WORD_CHAR):
    end = index
    while end < len(text) and pattern.match(text[end]):
        end += 1
    return text[index:end]


def tolerated(ours, theirs, i1, i2, j1, j2):
    """Whether a change hazm makes is one of its quirks, not a defect (each one is documented here):
    - a space made a ZWNJ between two words that are no suffix and no «می»/«نمی» prefix: hazm joins any
      pair its dictionary lists as one word, so it writes «نوشته‌شده است», «کاهش‌یافته است», «یک‌بار»,
      «محیط‌زیست», while Persian writes the parts of passive and compound verbs apart and the glossary
      (docs/glossary.md), not hazm's word list, decides compounds. So a compound the glossary writes with
      a ZWNJ («اعتبارات پیش‌بینی‌نشده») still counts, unless an auxiliary follows (then it is a verb);
    - spaces put around «/» or «\\»: hazm's tokenizer cuts them off as words and never joins them back
      («بله/خیر» would become «بله / خیر»);
    - «...» made «…»: hazm's typographic preference; three dots are common Persian usage, and the
      council's report Tarazu's text follows (docs/reference/seed-report.fa.txt) writes them."""
    old, new = ours[i1:i2], theirs[j1:j2]
    if old == " " and new == "\u200c":
        if word_after(ours, i2) in SUFFIXES or word_before(ours, i1) in PREFIXES:
            return False
        joined = word_before(theirs, j1, JOINED_CHAR) + new + word_after(theirs, j2, JOINED_CHAR)
        following = word_after(theirs, j2 + len(word_after(theirs, j2, JOINED_CHAR)) + 1)
        return joined not in GLOSSARY_COMPOUNDS or following in AUXILIARIES
    if not old and new.strip() == "" and (ours[i1 - 1:i1] in ("/", "\\") or ours[i1:i1 + 1] in ("/", "\\")):
        return True
    return old.strip() == "..." and new.strip() == "…"


def judged(ours, theirs):
    """hazm's version THEIRS of OURS with its tolerated changes undone."""
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    pieces = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        pieces.append(ours[i1:i2] if op == "equal" or tolerated(ours, theirs, i1, i2, j1, j2) else theirs[j1:j2])
    return "".join(pieces)


def mask(sentence):
    """(what hazm gets, the runs cut out): protected runs and Latin words become LATIN_WORD, numbers NUMBER."""
    runs = []

    def replace(match):
        kind = match.lastgroup
        runs.append((kind, plain(match.group(0))))
        return NUMBER if kind == "number" else LATIN_WORD

    return TOKENS.sub(replace, sentence), runs


def unmask(text, runs, numbers):
    """TEXT (from hazm) with the runs put back, numbers as hazm writes them alone; None if hazm lost some."""
    pieces = re.split(f"({LATIN_WORD}|{NUMBER})", text)
    if sum(1 for piece in pieces if piece in (LATIN_WORD, NUMBER)) != len(runs):
        return None
    runs, numbers, out = iter(runs), iter(numbers), []
    for piece in pieces:
        if piece in (LATIN_WORD, NUMBER):
            kind, original = next(runs)
            if (piece == NUMBER) != (kind == "number"):
                return None
            piece = next(numbers) if kind == "number" else original
        out.append(piece)
    return "".join(out)


def visible(text):
    """TEXT with the characters a terminal hides named."""
    names = {"\u200c": "⟨ZWNJ⟩", "\u200d": "⟨ZWJ⟩", "\u00a0": "⟨NBSP⟩"}
    return "".join(names.get(char, char) for char in text)


def changes(ours, theirs):
    """The spots where THEIRS differs from OURS, each with a little context and the odd characters named."""
    spots = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        before, after = ours[max(0, i1 - 8):i2 + 8], theirs[max(0, j1 - 8):j2 + 8]
        odd = sorted({c for c in ours[i1:i2] + theirs[j1:j2] if c.isascii() and not c.isspace() or
                      unicodedata.category(c) == "Cf" or c in "يكىةۀ٠١٢٣٤٥٦٧٨٩"})
        named = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in odd)
        spots.append(f"«{visible(before)}» → «{visible(after)}»" + (f" ({named})" if named else ""))
    return spots


def check(hazm, outputs):
    """Every sentence of OUTPUTS ({name: [units]}) against hazm: (how many sentences, a readable entry for
    each one hazm changes beyond its tolerated quirks)."""
    found = {}  # sentence -> the outputs it appears in
    for name, units in outputs.items():
        for unit in units:
            for sentence in sentences(unit):
                found.setdefault(sentence, []).append(name)
    ordered = list(found)
    masked = [mask(sentence) for sentence in ordered]
    numbers = [run for _, runs in masked for kind, run in runs if kind == "number"]
    normalized, numbers_normalized = hazm.normalize([text for text, _ in masked], numbers)
    position, problems = 0, []
    for sentence, (text, runs), theirs in zip(ordered, masked, normalized):
        count = sum(1 for kind, _ in runs if kind == "number")
        ours_numbers, their_numbers = numbers[position:position + count], numbers_normalized[position:position + count]
        position += count
        theirs = judged(text, theirs)
        if theirs == text and ours_numbers == their_numbers:
            continue
        ours = plain(sentence)
        restored = unmask(theirs, runs, their_numbers)
        shown = restored if restored is not None else theirs + "   (cut out: " + " | ".join(run for _, run in runs) + ")"
        places = found[sentence]
        where = ", ".join(dict.fromkeys(places)) + (f" ({len(places)} times)" if len(places) > 1 else "")
        problems.append(f"[{where}]\n  ours: {visible(ours)}\n  hazm: {visible(shown)}"
                        + "".join(f"\n    {spot}" for spot in (changes(ours, restored) if restored is not None else [])))
    return len(ordered), problems


def assert_fixed_points(hazm, outputs):
    total, problems = check(hazm, outputs)
    print(f"\n{total} distinct sentences of {len(outputs)} outputs checked against hazm {hazm.version}")
    assert total > 0, "no text was extracted"
    assert not problems, (f"{len(problems)} of {total} Persian sentences are not fixed points of hazm's Normalizer "
                          f"(hazm {hazm.version}, options {OPTIONS}; its tolerated quirks left out, see tolerated()):\n\n"
                          + "\n\n".join(problems))


# -- the checker, on known text ------------------------------------------------------------------

def test_the_checker_flags_unnormalized_persian_and_passes_normalized(hazm):
    good = ["سهم ستاد مرکزی از بودجهٔ مصوب ۲۸٫۲٪ است و بیشتر منابع در مناطق هزینه می‌شود.",
            "امتیاز پفا ۲-۱: D برای شاخص PI-2.1 در سال‌های ۱۴۰۰–۱۴۰۳؛ چکیده SHA-256 و " + PROTECT + "execution.rate.total" + END + ".",
            "اصلاً نمی‌دانیم کدام برنامه‌ای بزرگ‌تر و کدام بزرگ‌ترین است (نسبتاً کم).",
            "فایل budget_lines.csv را ببینید: «ردیف‌های بودجه».", "۱۲٬۳۴۵٬۶۷۸ (\u2066-۸٫۲٪\u2069) و −۸٫۹۹",
            # hazm's quirks, tolerated: compound and passive verbs written apart, «/» without spaces, «...».
            "این گزارش نوشته شده است و اعتبار کاهش یافته است؛ بله/خیر؛ محیط زیست و یک بار (مالی و ...).",
            "این هزینه پیش‌بینی نشده است."]
    total, problems = check(hazm, {"good": good})
    assert total == len(good) and not problems, "\n\n".join(problems)
    bad = ["سهم ستاد مركزي از بودجه", "در سال 1403", "در سال ١٤٠٣", "هزینه می شود", "نمی دانیم", "کتاب ها",
           "برنامه ای", "بیش تر", "بزرگ ترین", "منابع ، مناطق", "دو  فاصله", "نرخ ۱۲.۵%", "(مالی )", "۹متر",
           'گفت "بله"', "تمام شد.بعد", "اعتبارات پیش‌بینی نشده"]
    _, problems = check(hazm, {"bad": bad})
    assert len(problems) == len(bad), "\n\n".join(problems)


def test_the_extractors_read_what_a_reader_reads():
    page = ('<html lang="fa"><head><title>گزارش</title><style>p{} .evidence { display: block } @media print { .x { display: block } }'
            ' figcaption .muted{color:red;display:block}</style></head><body><h1>عنوان <bdi dir="ltr" lang="en">PI-2.1</bdi>'
            ' ادامه</h1><p>متن <strong>پررنگ</strong> و <code>a.b</code>.</p><svg><text>برچسب</text></svg>'
            '<img alt="تصویر"><p>&nbsp;دو&nbsp;کلمه</p><td><span class="evidence">یک.</span><span class="evidence">دو</span>'
            '</td><p>سه <span class="x">شش</span></p><figure><figcaption>عنوان<span class="muted">واحد</span></figcaption></figure>'
            '<p class="muted">چهار <span class="muted">پنج</span></p></body></html>')
    units = [plain(unit) for unit in html_units(page)]
    assert units == ["گزارش", "عنوان PI-2.1 ادامه", "متن پررنگ و a.b.", "برچسب", "تصویر", "دو کلمه", "یک.", "دو", "سه شش",
                     "عنوان", "واحد", "چهار پنج"], units
    markdown = "# عنوان\n\n- متن **پررنگ** و `x_y`\n\n| الف | ب \\| ج |\n|---|---|\n| ۱ | `a\\|b` |\n"
    units = [plain(unit) for unit in markdown_units(markdown)]
    assert units == ["عنوان", "متن پررنگ و x_y", "الف", "ب | ج", "۱", "a|b"], units
    assert [plain(s) for s in sentences("یک. دو؟ سه " + PROTECT + "a. b" + END + " چهار")] == ["یک.", "دو؟", "سه a. b چهار"]


# -- the report ----------------------------------------------------------------------------------

def reports(tarazu, source, folder, name):
    outputs = {}
    for fmt in ("html", "md"):
        out = folder / f"{name}.fa.{fmt}"
        result = tarazu("report", source, "--lang", "fa", "--format", fmt, "--date", "none", "--out", out)
        assert result.returncode == 0, f"tarazu report {source} --format {fmt} failed: {result.stderr}"
        text = out.read_text(encoding="utf-8")
        outputs[f"{name} report ({fmt})"] = html_units(text) if fmt == "html" else markdown_units(text)
    return outputs


def test_the_persian_report_of_the_sample_book(hazm, tarazu, tmp_path):
    assert_fixed_points(hazm, reports(tarazu, BOOK, tmp_path, "tabriz"))


def test_the_persian_report_of_a_generated_book(hazm, tarazu, tmp_path):
    book = tmp_path / "book"
    made = tarazu("sample", "--out", book, "--lines", 2000, "--seed", 5)
    assert made.returncode == 0 and (book / "datapackage.json").exists(), made.stderr
    assert_fixed_points(hazm, reports(tarazu, book, tmp_path, "generated"))


# -- the pages -----------------------------------------------------------------------------------

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Site:
    """A client of `tarazu serve`: GET and POST without following redirects, cookies sent by hand (the session
    cookie is Secure, and Python's cookie jar does not send it over plain http), stylesheets cached."""

    def __init__(self, base):
        self.base, self.cookies, self.styles = base, {}, {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def fetch(self, path, fields=None, follow=False):
        """(status, headers, body) of PATH (a POST of FIELDS if given); with FOLLOW, a redirect is followed."""
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if data else {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                status, answer, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, answer, body = error.code, error.headers, error.read()
        for value in answer.get_all("Set-Cookie") or []:
            name, _, rest = value.split(";", 1)[0].partition("=")
            self.cookies[name] = rest
        if follow and status in (301, 302, 303) and answer.get("Location", "").startswith("/"):
            return self.fetch(answer["Location"], follow=True)
        return status, answer, body.decode("utf-8", errors="replace")

    def css(self, page):
        """The text of the stylesheets PAGE links to."""
        texts = []
        for href in re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', page):
            if href not in self.styles:
                status, _, body = self.fetch(html.unescape(href))
                self.styles[href] = body if status == 200 else ""
            texts.append(self.styles[href])
        return "\n".join(texts)


def form_token(page):
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, page[:400]
    return match.group(1)


SKIP_PATHS = re.compile(r"^/(api|openapi|healthz|logout|assets)|/(report|download)(/|$)|\.(csv|json|zip|pb|svg|png|css|js)$")


def crawl(site, starts, limit=200, per_kind=4):
    """The HTML pages reachable from STARTS by links without a query: {path: page}. Pages of one kind (the
    same path but for the values after its collections: /dashboard/tabriz/projects/*) are at most PER_KIND
    (four projects stand for all), and all of them at most LIMIT."""
    pages, kinds, queue = {}, {}, list(starts)
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if path in pages:
            continue
        segments = path.split("/")
        kind = "/".join("*" if index >= 4 and index % 2 == 0 else part for index, part in enumerate(segments))
        if kinds.get(kind, 0) >= per_kind and path not in starts:
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        status, answer, body = site.fetch(path)
        pages[path] = body if status == 200 and "text/html" in (answer.get("Content-Type") or "") else None
        if pages[path] is None:
            continue
        for link in re.findall(r'href="([^"]+)"', body):
            parsed = urllib.parse.urlsplit(html.unescape(link))
            if parsed.scheme or parsed.netloc or parsed.query or not parsed.path.startswith("/"):
                continue
            if not SKIP_PATHS.search(parsed.path) and parsed.path not in pages:
                queue.append(parsed.path)
    return {path: body for path, body in pages.items() if body is not None}


def vote(site, log):
    """The pages of a vote on the process in its voting phase: phone, code, ballot, receipt."""
    pages = {}
    status, _, page = site.fetch("/pb/e2e-1405/vote")
    assert status == 200, status
    token = form_token(page)
    status, _, pages["/pb/e2e-1405/vote/phone (code form)"] = site.fetch("/pb/e2e-1405/vote/phone",
                                                                        {"phone": "09123334466", "csrf_token": token}, follow=True)
    assert status == 200, status
    message = json.loads(log.read_text(encoding="utf-8").strip().splitlines()[-1])
    code = re.search(r"[0-9۰-۹]{6}", message["text"]).group(0)
    status, _, pages["/pb/e2e-1405/vote/code (districts)"] = site.fetch("/pb/e2e-1405/vote/code",
                                                                       {"code": code, "csrf_token": token}, follow=True)
    assert status == 200, status
    status, _, ballot = site.fetch("/pb/e2e-1405/vote/ballot?district=0", follow=True)
    assert status == 200 and 'name="p_1"' in ballot, ballot[:400]
    pages["/pb/e2e-1405/vote/ballot"] = ballot
    status, _, pages["/pb/e2e-1405/vote/ballot (receipt)"] = site.fetch(
        "/pb/e2e-1405/vote/ballot", {"district": "0", "p_1": "1", "csrf_token": token}, follow=True)
    assert status == 200, status
    return pages


@pytest.fixture(scope="module")
def server(tmp_path_factory, tarazu):
    from test_pb_process import process_file
    folder = tmp_path_factory.mktemp("normalization")
    log = folder / "sms.log"

    def prepare(db):
        add_user(db, ADMIN, "admin", PASSWORD, display_name="مدیر سامانه")
        for process in (process_file(folder), REPO / "samples" / "pb" / "tabriz-1404.json"):
            result = subprocess.run([str(tarazu_binary()), "pb", "process", "add", str(process), "--db", str(db)],
                                    capture_output=True, text=True, timeout=120)
            assert result.returncode == 0, result.stderr

    with demo_server(tarazu, folder, prepare=prepare, env={"TARAZU_SMS_LOG": str(log)}) as base:
        yield base, log


def test_the_persian_pages_of_the_portal_the_dashboard_and_the_vote(hazm, server):
    base, log = server
    public = Site(base)
    pages = crawl(public, ["/", "/books/tabriz", "/login", "/pb", "/pb/e2e-1405", "/pb/tabriz-1404"])
    pages.update(vote(Site(base), log))
    admin = Site(base)
    status, _, page = admin.fetch("/login")
    status, _, _ = admin.fetch("/login", {"csrf_token": form_token(page), "username": ADMIN, "password": PASSWORD})
    assert status == 303, f"signing in answered {status}"
    pages.update(crawl(admin, ["/dashboard/tabriz", "/manage", "/admin"]))
    assert "/books/tabriz" in pages and "/dashboard/tabriz" in pages and "/manage" in pages, sorted(pages)
    outputs = {f"page {path}": html_units(page, public.css(page)) for path, page in pages.items()
               if re.search(r'<html[^>]*lang="fa"', page)}
    print(f"\n{len(outputs)} Persian pages: {', '.join(urllib.parse.unquote(name) for name in sorted(outputs))}")
    assert len(outputs) >= 20, sorted(outputs)
    assert_fixed_points(hazm, outputs)
