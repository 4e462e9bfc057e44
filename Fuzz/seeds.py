#!/usr/bin/env python3
"""Writes the seed corpora Fuzz/Corpus/<fuzzer>/ from the repository's sample files, the pabulib
files in ../shared/data/pabulib (when present) and hand-written inputs. Run once from the
repository root (python3 Fuzz/seeds.py) when the parsers learn new syntax; the output is committed.
Needs openpyxl for two of the XLSX seeds (e2e/requirements.txt)."""
import hashlib, io, os, pathlib, zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Fuzz" / "Corpus"
SHARED = ROOT.parent / "shared" / "data" / "pabulib"


def put(fuzzer, data, name=None):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = CORPUS / fuzzer
    folder.mkdir(parents=True, exist_ok=True)
    (folder / (name or "seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)


def csv_seeds():
    for path in sorted((ROOT / "fixtures/small-book").glob("*.csv")):
        put("csv", path.read_bytes(), "small-book-" + path.name)
    for name in ["functions.csv", "regions.csv", "authorizations.csv", "deflator.csv"]:
        put("csv", (ROOT / "samples/tabriz" / name).read_bytes(), "tabriz-" + name)
    persian = "region_code,نام منطقه,مبلغ\n1,مرکزی,۱۲۳۴۵\n2,\"شمال، غرب\",-۴۵٫۵\n"
    put("csv", "\ufeff" + persian, "utf8-bom.csv")
    put("csv", b"\xff\xfe" + persian.encode("utf-16-le"), "utf16le-bom.csv")
    put("csv", b"\xfe\xff" + persian.encode("utf-16-be"), "utf16be-bom.csv")
    legacy = "region_code,نام منطقه,مبلغ\n1,مركزي,12345\n2,\"شمال، غرب\",-45.5\n"  # Arabic kaf and yeh
    put("csv", legacy.encode("cp1256"), "windows-1256.csv")
    put("csv", 'a;b;c\r\n1;"x;""y""\r\nz";3\r\n  "q"  ;;\r4;5;6\n', "semicolon-quotes-mixed-eol.csv")
    put("csv", "a\tb\n1\t2\n\n\n3\t\"4\n", "tab-unterminated-quote.csv")
    put("csv", " a , b ,a\n1,2,3,4\n1\n", "duplicate-header-ragged.csv")


def json_seeds():
    put("json", (ROOT / "samples/tabriz/datapackage.json").read_bytes(), "tabriz-datapackage.json")
    put("json", (ROOT / "samples/pb/tabriz-1404.json").read_bytes(), "pb-process.json")
    put("json", '{"name": "tabriz", "city": {"fa": "تبریز"}, "regions": [{"region_code": "1", "name": "مرکزی"}, '
                '{"region_code": 2, "name": null, "area": 4e17, "flag": true}], "deflator": []}', "tables.json")
    put("json", '{"resources": [{"name": "regions", "data": [{" a ": -0.5e-3, "b": "\\u0628\\ud83d\\ude00\\n\\"\\\\\\/"}]}, '
                '{"name": "x", "path": "x.csv"}]}', "datapackage-inline.json")
    put("json", '\ufeff{"t": [{"a": 1E+2, "b": [1, {"c": []}], "d": false}, {"e": 12345678901234567890.125}]}',
        "bom-nested.json")
    put("json", b'\xff\xfe' + '{"t": [{"a": "\u0628"}]}'.encode("utf-16-le"), "utf16le.json")
    put("json", '{"t": [{"a": 1}, 2]}', "record-not-object.json")


# XLSX: the hand-built parts of Tests/TarazuTabularTests/XLSXHandBuiltTests.swift, joined with NUL
# in FuzzXLSX's order: workbook, workbook rels, sheet1, sharedStrings, styles, sheet2, root rels.
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
XLSX_PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
              "xl/styles.xml", "xl/worksheets/sheet2.xml", "_rels/.rels"]


def xlsx_seeds():
    workbook = (DECL + f'<workbook xmlns="{MAIN}" xmlns:rel="{RELS}"><workbookPr date1904="1"/><sheets>'
                '<sheet name="budget_lines" sheetId="7" rel:id="rId2"/><sheet name="wide" sheetId="3" rel:id="rId1"/>'
                '</sheets></workbook>')
    workbook_rels = (DECL + f'<Relationships xmlns="{PKG}">'
                     f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
                     f'<Relationship Id="rId2" Type="{RELS}/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
                     f'<Relationship Id="rId3" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
                     f'<Relationship Id="rId4" Type="{RELS}/styles" Target="styles.xml"/></Relationships>')
    wide = (DECL + f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
            '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c>'
            '<x:c r="AB2" t="inlineStr"><x:is><x:t>ab</x:t></x:is></x:c></x:row>'
            '<x:row r="4"><x:c r="AB4"><x:v>1E+20</x:v></x:c></x:row></x:sheetData></x:worksheet>')
    shared = (DECL + f'<sst xmlns="{MAIN}" count="5" uniqueCount="5"><si><t>line_id</t></si>'
              '<si><t xml:space="preserve"> approved </t></si>'
              '<si><r><rPr><b/></rPr><t>مصوب</t></r><r><t xml:space="preserve"> ۱۴۰۳ &amp; co</t></r></si>'
              '<si><t>kanji</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>a_x000D_b&#x628;&#1576;</t></si></sst>')
    styles = (DECL + f'<styleSheet xmlns="{MAIN}"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/>'
              '<numFmt numFmtId="165" formatCode="0.00&quot; days&quot;"/><numFmt numFmtId="166" formatCode="[h]:mm:ss"/>'
              '</numFmts><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
              '<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="166"/></cellXfs></styleSheet>')
    budget = (DECL + f'<worksheet xmlns="{MAIN}"><dimension ref="A1:E10"/><sheetData>'
              '<row r="1"><c r="A1" s="1"/></row>'
              '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c>'
              '<c r="C3" t="inlineStr"><is><t>date</t></is></c><c r="D3" t="inlineStr"><is><t>flag</t></is></c>'
              '<c r="E3" t="inlineStr"><is><r><t>no</t></r><r><rPr><i/></rPr><t>te</t></r></is></c></row>'
              '<row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5"><v>3.5E+17</v></c>'
              '<c r="C5" s="2"><v>45000</v></c><c r="E5" t="inlineStr"><is><t>x</t></is></c></row>'
              '<row r="6"><c r="A6" t="str"><f>CONCAT("L-",2)</f><v>L-2</v></c>'
              '<c r="B6"><v>12345.000000000002</v></c><c r="C6" s="1"><v>45000.75</v></c>'
              '<c r="D6" t="b"><v>1</v></c><c r="E6" t="e"><v>#DIV/0!</v></c></row>'
              '<row r="7"><c r="A7" t="s"><v>3</v></c><c r="B7" s="3"><v>0.30000000000000004</v></c>'
              '<c r="C7" s="4"><v>45000.5</v></c><c r="D7" t="b"><v>0</v></c><c r="E7" t="s"><v>4</v></c></row>'
              '<row r="8"><c t="inlineStr"><is><t>no r</t></is></c><c><v>-1.5E-3</v></c>'
              '<c s="5"><v>0.5</v></c></row><row r="9"><c r="A9" s="1"/><c r="B9" t="inlineStr"><is><t></t></is></c></row>'
              '<row r="10" spans="1:5"/></sheetData></worksheet>')
    root = DECL + f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    full = [workbook, workbook_rels, wide, shared, styles, budget, root]
    put("xlsx", "\0".join(full), "parts-hand-built")
    put("xlsx", "\0".join(full[:3]), "parts-one-sheet-no-strings")
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as z:
        for path, text in zip(XLSX_PARTS, full):
            z.writestr(path, text)
    put("xlsx", packed.getvalue(), "hand-built.xlsx")
    try:
        import datetime, openpyxl
    except ImportError:
        print("openpyxl missing: no openpyxl seeds")
        return
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "regions"
    sheet.append(["region_code", "نام", "approved", "date"])
    sheet.append([1, "مرکزی", 1234.5, datetime.date(2024, 3, 20)])
    sheet.append(["2", None, -0.001, datetime.datetime(2024, 3, 20, 12, 30)])
    book.create_sheet("empty")
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    put("xlsx", data, "openpyxl.xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        put("xlsx", b"\0".join(z.read(p) if p in names else b"" for p in XLSX_PARTS), "parts-openpyxl")


def pabulib_seeds():
    toy = SHARED / "toy.pb"
    if toy.exists():
        put("pabulib", toy.read_bytes(), "toy.pb")
    # Real files cut to their first votes (the fuzzer's -max_len keeps inputs small).
    for name in ["poland_gdansk_2020_vii-dwor.pb", "poland_krakow_2018_czyzyny.pb",
                 "poland_warszawa_2019_radiowo-wolka-weglowa-placowka-huta.pb"]:
        path = SHARED / name
        if not path.exists():
            continue
        lines = path.read_bytes().split(b"\n")
        votes = lines.index(b"VOTES") if b"VOTES" in lines else len(lines)
        head = lines[:votes]
        put("pabulib", b"\n".join(head[:80] + lines[votes:votes + 8]) + b"\n", "cut-" + name)
    put("pabulib", "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost;name;selected\n1;5;پارک;1\n"
                   "2;۶;\"a;b\";0\nVOTES\nvoter_id;vote;points\nv1;1,2;2,3\nv2;2;1\n", "cumulative-persian.pb")
    put("pabulib", "META\nkey;value\nbudget;100.5\nvote_type;scoring\nmin_score;0\nmax_score;5\nPROJECTS\nproject_id;cost;score\n"
                   "a;50.25;3\nb;40;1\nVOTES\nvoter_id;vote;points\n1;a,b;5,0\n", "scoring.pb")
    put("pabulib", "\ufeffMETA\r\nkey;value\r\nbudget;30\r\nvote_type;ordinal\r\nmax_length;3\r\nPROJECTS\r\n"
                   "project_id;cost\r\n1;10\r\n2;10\r\n3;10\r\nVOTES\r\nvoter_id;vote\r\n1;3,1,2\r\n2;2\r\n", "ordinal-crlf-bom.pb")


def sms_seeds():
    for i, text in enumerate(["رای ۱۲ ۱۵ ۳۱", "رأی 12،15،31", "VOTE 12 15 31", "vote 12,15,31", "رای ۱۲:۳ ۱۵:۲",
                              "راي ١٢ ١٥", "vote12", "  Vote 1:1, 2:99999999999999999999", "رای", "VOTE 0 -1 1.5",
                              "vote 3 3 3", "رای ۱۲:۳ ۱۵"]):
        put("sms-ballot", text, f"sms-{i:02d}")


def yaml_seeds():
    put("governance-yaml", (ROOT / "fixtures/small-book/governance.yaml").read_bytes(), "small-book.yaml")
    put("governance-yaml", (ROOT / "samples/tabriz/governance.yaml").read_bytes(), "tabriz.yaml")
    put("governance-yaml", "source: شهرداری\nfacts:\n  contracts_published: {value: yes, note: \"OCDS\"}\n"
                           "  connected_source_systems: ۳\n  participatory_budget_share: 0.05\n"
                           "  council_dashboards: &d false\n  regular_official_reporting: *d\n"
                           "  other: !!str 12\n  multi: |\n    line\n    line\n", "flow-anchor-tag.yaml")
    put("governance-yaml", "---\nfacts: []\n...\n---\nsource: x\n", "two-documents.yaml")
    put("governance-yaml", "facts:\n  ? [a, b]\n  : 1\n  c: {note: n}\n", "complex-key.yaml")


if __name__ == "__main__":
    csv_seeds(); json_seeds(); xlsx_seeds(); pabulib_seeds(); sms_seeds(); yaml_seeds()
    for folder in sorted(CORPUS.iterdir()):
        files = list(folder.iterdir())
        print(f"{folder.name}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} bytes")
