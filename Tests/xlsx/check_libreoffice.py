#!/usr/bin/env python3
"""Checks exq's Excel workbooks against LibreOffice Calc, a second spreadsheet exq shares no code
with (Tests/xlsx/check.py does the same with openpyxl).

    python3 Tests/xlsx/check_libreoffice.py [EXQ]   (EXQ: the exq binary, .build/debug/exq by
                                                     default; exq-xlsx must be beside it)

In: flat OpenDocument sheets (.fods) with typed cells are converted to .xlsx by headless
LibreOffice (`soffice --convert-to xlsx`), once with the 1900 date system and once with 1904; exq
loads them as pack files and must read what a CSV would say. First the check makes sure that the
workbook LibreOffice wrote holds each kind of cell it is meant to test: shared strings, numbers,
booleans, dates (day serials with a date format), a candidate number stored as the number 42,
and a date typed as text. (LibreOffice writes every text cell as a shared string, never inline:
inline strings are check.py's.)
Out: exq saves answers (`save FILE.xlsx`) and exports the demo pack (`export pack DIR --xlsx`);
LibreOffice converts them to CSV, which must show candidate numbers and ULNs with their leading
zeros, dates as DD/MM/YYYY, numbers as numbers and text starting with = as that text; the
converted pack then loads back into exq and answers as the demo does.
Ends with the line 'N passed, N failed'; exits 1 when any check failed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXQ = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "exq"))
QUALIFICATIONS = "qualification,title,type,level\nJ560,Mathematics,GCSE,2\n"
# LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1, system language, every
# text cell quoted: so in its CSV a text cell is "quoted" and a number or date is not.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true"

passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name}\n      {detail}")


def exq(*commands, cwd):
    args = [EXQ]
    for c in commands:
        args += ["-c", c]
    env = dict(os.environ, NO_COLOR="1", HOME=cwd)
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def soffice(work, target, out, files):
    """Converts `files` to `target` into the folder `out` with headless LibreOffice (a profile of its own)."""
    os.makedirs(out, exist_ok=True)
    profile = os.path.join(work, "lo-profile")
    env = dict(os.environ, HOME=os.path.join(work, "lo-home"))
    r = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", target, "--outdir", out] + files,
                       capture_output=True, text=True, env=env, timeout=300)
    if r.returncode != 0:
        print(r.stdout + r.stderr)
    return r.returncode


# Flat OpenDocument: a cell is ("string", text), ("float", n), ("bool", b), ("date", iso, style) or None.
def cell(v):
    if v is None:
        return "<table:table-cell/>"
    if isinstance(v, str):
        v = ("string", v)
    kind = v[0]
    if kind == "string":
        return f'<table:table-cell office:value-type="string"><text:p>{escape(v[1])}</text:p></table:table-cell>'
    if kind == "float":
        return f'<table:table-cell office:value-type="float" office:value="{v[1]}"><text:p>{v[1]}</text:p></table:table-cell>'
    if kind == "bool":
        word = "true" if v[1] else "false"
        return (f'<table:table-cell table:style-name="ceBool" office:value-type="boolean" office:boolean-value="{word}">'
                f'<text:p>{word.upper()}</text:p></table:table-cell>')
    if kind == "date":
        return (f'<table:table-cell table:style-name="{v[2]}" office:value-type="date" office:date-value="{v[1]}">'
                f'<text:p>{v[1]}</text:p></table:table-cell>')
    raise ValueError(kind)


def fods(path, sheet, rows, null_date="1899-12-30"):
    body = "".join("<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>" for row in rows)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>
 <number:date-style style:name="NUK"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <number:date-style style:name="NISO"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <number:boolean-style style:name="NBool"><number:boolean/></number:boolean-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="ceUK" style:family="table-cell" style:data-style-name="NUK"/>
 <style:style style:name="ceISO" style:family="table-cell" style:data-style-name="NISO"/>
 <style:style style:name="ceBool" style:family="table-cell" style:data-style-name="NBool"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:calculation-settings><table:null-date table:date-value="{null_date}"/></table:calculation-settings>
<table:table table:name="{sheet}">{body}</table:table>
</office:spreadsheet></office:body></office:document>
''')


CANDIDATES = [
    ["Candidate Number", "Surname", "Forenames", "ULN", "Date of Birth", "Reg Group", "Centre"],
    # A candidate number stored as the number 42, a date cell shown DD/MM/YYYY, numbers for the ULN, group and centre.
    [("float", 42), "Smith", "Ann", ("float", 9000000019), ("date", "2006-08-22", "ceUK"), ("float", 13), ("float", 64123)],
    # Everything typed as text, the date too (as UK staff type it).
    ["0007", "O'Neil", "Bea", None, "22/08/2006", "13Y", "64123"],
    # A date cell shown as ISO, accents, a name that would be a formula.
    [("float", 1234), "=Lee", "Zoë", None, ("date", "2005-09-01", "ceISO"), "12A", ("float", 64123)],
]
ENTRIES = [
    ["candidate", "qualification", "series", "acknowledged"],
    [("float", 42), "J560", "Summer 2024", ("bool", True)],
    [("float", 7), "J560", "Summer 2024", ("bool", False)],
]


def workbook_cells(path):
    """The cells of the first sheet of the .xlsx at `path`: reference → (type, style, value), and the workbook part."""
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        book = z.read("xl/workbook.xml").decode("utf-8")
        styles = z.read("xl/styles.xml").decode("utf-8")
    cells = {m.group(1): (m.group(3) or "n", int(m.group(2) or 0), m.group(4))
             for m in re.finditer(r'<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(\w+)")?>(?:<v>([^<]*)</v>)?', sheet)}
    formats = dict(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', styles))
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S).group(1)
    style_formats = [formats.get(n, n) for n in re.findall(r'<xf numFmtId="(\d+)"', xfs)]
    return cells, book, style_formats


def reading(work):
    src = os.path.join(work, "lo-in")
    os.makedirs(src)
    fods(os.path.join(src, "candidates.fods"), "Pupils", CANDIDATES)
    fods(os.path.join(src, "candidates-1904.fods"), "Pupils", CANDIDATES, null_date="1904-01-01")
    fods(os.path.join(src, "entries.fods"), "Sheet1", ENTRIES)
    out = os.path.join(work, "lo-xlsx")
    status = soffice(work, "xlsx", out, [os.path.join(src, n) for n in sorted(os.listdir(src))])
    check("LibreOffice converts .fods to .xlsx", status == 0 and len(os.listdir(out)) == 3, os.listdir(out))
    if status != 0:
        return

    # The workbooks hold the kinds of cell this check is about.
    for name, epoch in [("candidates.xlsx", "1900"), ("candidates-1904.xlsx", "1904")]:
        cells, book, formats = workbook_cells(os.path.join(out, name))
        kinds = {
            "text as shared strings": cells["B2"][0] == "s" and cells["A3"][0] == "s",
            "a candidate number as the number 42": cells["A2"][0] == "n" and cells["A2"][2] == "42",
            "a ULN as a number": cells["D2"][0] == "n",
            "a date as a day serial shown dd/mm/yyyy": cells["E2"][0] == "n" and formats[cells["E2"][1]].lower() == "dd/mm/yyyy",
            "a date as a day serial shown yyyy-mm-dd": cells["E4"][0] == "n" and formats[cells["E4"][1]].replace("\\", "").lower() == "yyyy-mm-dd",
            "a date typed as text": cells["E3"][0] == "s",
            f"the {epoch} date system": ('date1904="true"' in book) == (epoch == "1904"),
        }
        for what, ok in kinds.items():
            check(f"LibreOffice's {name} holds {what}", ok, (cells, formats))
    cells, _, _ = workbook_cells(os.path.join(out, "entries.xlsx"))
    check("LibreOffice's entries.xlsx holds booleans", cells["D2"][0] == "b" and cells["D3"][0] == "b", cells)

    expected = ("candidate,surname,forenames,uln,dob,group,centre\n"
                "0007,O'Neil,Bea,,2006-08-22,13Y,64123\n"
                "0042,Smith,Ann,9000000019,2006-08-22,13,64123\n"
                "1234,=Lee,Zoë,,2005-09-01,12A,64123\n")
    show = "candidates | sort candidate | show candidate, surname, forenames, uln, dob, group, centre"
    for name in ["candidates.xlsx", "candidates-1904.xlsx"]:
        folder = os.path.join(work, "pack-" + name)
        os.makedirs(folder)
        shutil.copy(os.path.join(out, name), os.path.join(folder, "candidates.xlsx"))
        shutil.copy(os.path.join(out, "entries.xlsx"), os.path.join(folder, "entries.xlsx"))
        with open(os.path.join(folder, "qualifications.csv"), "w") as f:
            f.write(QUALIFICATIONS)
        r = exq(f"load {folder}", "set format csv", show, cwd=work)
        # exq's CSV quotes a value that a spreadsheet would run as a formula; compare without the quote.
        got = r.stdout.replace("'=Lee", "=Lee")
        check(f"exq reads LibreOffice's {name}", r.returncode == 0 and got == expected,
              f"status {r.returncode}\n{r.stdout}{r.stderr}")
        r = exq(f"load {folder}", "set format csv", "entries | sort candidate | show candidate, acknowledged", cwd=work)
        check(f"exq reads LibreOffice's booleans (with {name})",
              r.returncode == 0 and r.stdout == "candidate,acknowledged\n0007,no\n0042,yes\n", f"status {r.returncode}\n{r.stdout}{r.stderr}")


def read_csv_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def writing(work):
    folder = os.path.join(work, "formula")
    os.makedirs(folder)
    files = {
        "candidates.csv": "candidate,surname,forenames,uci,uln,dob\n"
                          "0042,=HYPERLINK(\"http://x\"),Ann,641230240042X,0123456789,2006-08-22\n"
                          "0007,Schäfer,Bo,,,22/08/2006\n",
        "qualifications.csv": QUALIFICATIONS,
        "entries.csv": "candidate,qualification,series\n0042,J560,Summer 2024\n0007,J560,Summer 2024\n",
    }
    for n, text in files.items():
        with open(os.path.join(folder, n), "w", encoding="utf-8") as f:
            f.write(text)
    r = exq(f"load {folder}", "candidates | sort candidate | show candidate, surname, uci, uln, dob | save c.xlsx",
            "entries | count by qualification | save n.xlsx", cwd=work)
    check("exq saves answers as workbooks", r.returncode == 0, r.stdout + r.stderr)
    if r.returncode != 0:
        return
    out = os.path.join(work, "lo-csv")
    status = soffice(work, CSV_FILTER, out, [os.path.join(work, "c.xlsx"), os.path.join(work, "n.xlsx")])
    check("LibreOffice converts exq's workbooks to CSV", status == 0 and sorted(os.listdir(out)) == ["c.csv", "n.csv"],
          os.listdir(out) if os.path.isdir(out) else "")
    if status != 0:
        return
    lines = read_csv_text(os.path.join(out, "c.csv")).splitlines()
    check("LibreOffice reads the header as text", lines[0] == '"candidate","surname","uci","uln","dob"', lines[0])
    check("LibreOffice reads candidate numbers as text with their zeros, dates as dates shown DD/MM/YYYY, accents",
          lines[1] == '"0007","Schäfer",,,22/08/2006', lines[1])
    check("LibreOffice reads ULNs as text with their zeros, UCIs as text, and = text as text, never run",
          lines[2] == '"0042","=HYPERLINK(""http://x"")","641230240042X","0123456789",22/08/2006', lines[2])
    lines = read_csv_text(os.path.join(out, "n.csv")).splitlines()
    check("LibreOffice reads numbers as numbers", len(lines) == 2 and lines[1].startswith('"J560",2,'), lines)

    # The demo pack as workbooks, through LibreOffice to CSV, loads back with the demo's answers.
    exported = os.path.join(work, "pack-xlsx")
    r = exq("demo", f"export pack {exported} --xlsx", cwd=work)
    check("exq exports the demo pack as workbooks", r.returncode == 0, r.stderr)
    if r.returncode != 0:
        return
    workbooks = sorted(n for n in os.listdir(exported) if n.endswith(".xlsx"))
    converted = os.path.join(work, "pack-lo-csv")
    status = soffice(work, CSV_FILTER, converted, [os.path.join(exported, n) for n in workbooks])
    check("LibreOffice converts the exported pack to CSV",
          status == 0 and sorted(os.listdir(converted)) == [n[:-5] + ".csv" for n in workbooks], os.listdir(converted))
    if status != 0:
        return
    first = read_csv_text(os.path.join(converted, "candidates.csv")).splitlines()[1].split(",")
    check("the pack's candidate numbers are text with their zeros in LibreOffice",
          re.fullmatch(r'"\d{4}"', first[0]) is not None, first)
    check("the pack's dates are DD/MM/YYYY in LibreOffice",
          any(re.fullmatch(r"\d\d/\d\d/\d{4}", v) for v in first), first)
    queries = ["candidates | sort candidate | show candidate, surname, forenames, uci, uln, dob, group",
               "results | sort candidate, qualification, series | show candidate, qualification, series, grade, mark",
               "reviews | sort id | show id, candidate, service, requested, fee",
               "entries | count by qualification"]
    for q in queries:
        demo = exq("demo", "set format csv", q, cwd=work)
        back = exq(f"load {converted}", "set format csv", q, cwd=work)
        check(f"the pack through LibreOffice answers as the demo: {q.split(' |')[0]}",
              demo.returncode == 0 and back.returncode == 0 and demo.stdout == back.stdout and demo.stdout.count("\n") > 2,
              f"status {demo.returncode}/{back.returncode}\n{back.stderr}"
              + "".join(f"\n  demo {a!r}\n  back {b!r}" for a, b in zip(demo.stdout.splitlines(), back.stdout.splitlines()) if a != b)[:2000])


def main():
    if not (os.access(EXQ, os.X_OK) and os.access(os.path.join(os.path.dirname(EXQ), "exq-xlsx"), os.X_OK)):
        print(f"no exq and exq-xlsx at {os.path.dirname(EXQ)}: build first (swift build)")
        return 2
    if shutil.which("soffice") is None:
        print("no soffice: install LibreOffice Calc (apt-get install libreoffice-calc-nogui)")
        return 2
    work = tempfile.mkdtemp(prefix="exq-xlsx-lo-")
    try:
        reading(work)
        writing(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
