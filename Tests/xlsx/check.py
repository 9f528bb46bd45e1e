#!/usr/bin/env python3
"""Checks exq's Excel workbooks against openpyxl, a spreadsheet library exq shares no code with.

    python3 Tests/xlsx/check.py [EXQ]      (EXQ: the exq binary, .build/debug/exq by default;
                                            exq-xlsx must be beside it, as the build leaves it)

In: openpyxl writes workbooks with every kind of cell (shared and inline strings, numbers,
booleans, dates in the 1900 and 1904 systems, dates typed as text, a candidate number stored as
the number 42) and broken ones; exq loads them as pack files and must read what a CSV would say,
or refuse them naming the file, sheet and cell.
Out: exq saves answers and exports a pack as workbooks; openpyxl reads them back and checks the
types: candidate numbers, UCIs and ULNs as text with their zeros, dates as dates shown DD/MM/YYYY,
numbers as numbers, text starting with = as text (never a formula), a bold frozen header row
with a filter, columns wider than the default.
Broadsheets: exq loads an MIS broadsheet workbook (grades stored as numbers and as text).
Ends with the line 'N passed, N failed'; exits 1 when any check failed.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXQ = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "exq"))
QUALIFICATIONS = "qualification,title,type,level\nJ560,Mathematics,GCSE,2\n"

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
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def pack(work, name, files, workbooks):
    """A pack folder: `files` (name → text) and fixture workbooks (name in pack → fixture)."""
    folder = os.path.join(work, name)
    os.makedirs(folder)
    for n, text in files.items():
        with open(os.path.join(folder, n), "w", encoding="utf-8") as f:
            f.write(text)
    for n, fixture in workbooks.items():
        shutil.copy(os.path.join(work, "fixtures", fixture), os.path.join(folder, n))
    return folder


def reading(work):
    expected = ("candidate,surname,forenames,dob,group,centre\n"
                "0005,Zoë,Ève,2006-08-22,,64123\n"
                "0007,O'Neil,Bea,2006-08-22,13Y,64123\n"
                "0042,Smith,Ann,2006-08-22,13,64123\n"
                "1234,'=Lee,Cy Dee,2005-09-01,12A,64123\n")
    show = "candidates | sort candidate | show candidate, surname, forenames, dob, group, centre"
    # In the 1904 workbook, row 6's plain number 38951 in the date column is day 38951 of the
    # 1904 system: 2010-08-23 (in the 1900 system it is 2006-08-22).
    expected_1904 = expected.replace("0005,Zoë,Ève,2006-08-22", "0005,Zoë,Ève,2010-08-23")
    for fixture, what, want in [("candidates.xlsx", "1900 dates, shared and inline strings, numbers", expected),
                                ("candidates-1904.xlsx", "1904 dates", expected_1904)]:
        folder = pack(work, "in-" + fixture, {"qualifications.csv": QUALIFICATIONS},
                      {"candidates.xlsx": fixture, "entries.xlsx": "entries.xlsx"})
        r = exq(f"load {folder}", "set format csv", show, cwd=work)
        check(f"reads {what}", r.returncode == 0 and r.stdout == want, f"status {r.returncode}\n{r.stdout}{r.stderr}")
        r = exq(f"load {folder}", "set format csv", "entries | sort candidate | show candidate, acknowledged", cwd=work)
        check(f"reads booleans ({fixture})", r.returncode == 0 and r.stdout == "candidate,acknowledged\n0007,no\n0042,yes\n",
              f"status {r.returncode}\n{r.stdout}{r.stderr}")

    for fixture, place, message in [
        ("bad-date.xlsx", "candidates.xlsx:Pupils!F7", "expected a date such as 2024-08-22 or 22/08/2024, found '31/02/2024'"),
        ("error-value.xlsx", "candidates.xlsx:Pupils!G2", "the spreadsheet error #N/A"),
        ("missing-string.xlsx", "candidates.xlsx:Pupils!B3", "shared string 99"),
        ("not-a-zip.xlsx", "candidates.xlsx", "not an Excel workbook (.xlsx)"),
        ("no-sheet.xlsx", "candidates.xlsx", "the workbook has no worksheet"),
    ]:
        folder = pack(work, "bad-" + fixture, {}, {"candidates.xlsx": fixture})
        r = exq("demo", f"load {folder}", "candidates | count", cwd=work)
        check(f"refuses {fixture} at {place}",
              r.returncode != 0 and f"{folder}/{place}: error: " in r.stderr and message in r.stderr,
              f"status {r.returncode}\n{r.stderr}")


def broadsheet(work):
    sheet = os.path.join(work, "fixtures", "broadsheet.xlsx")
    r = exq("demo", "set format csv", f'load broadsheet {sheet} series "Summer 2025"',
            'results | where series = "Summer 2025" | sort candidate, qualification | show candidate, qualification, grade',
            cwd=work)
    check("reads an MIS broadsheet workbook", r.returncode == 0 and r.stdout.endswith(
        "candidate,qualification,grade\n0001,J351,6\n0001,J560,7\n0002,H446,A*\n0002,J351,9\n0002,J560,U\n0003,J351,X\n"),
        f"status {r.returncode}\n{r.stdout}{r.stderr}")
    bad = os.path.join(work, "fixtures", "broadsheet-bad.xlsx")
    r = exq("demo", f'load broadsheet {bad} series "Summer 2025"', cwd=work)
    check("refuses a broadsheet grade off the scale at its cell",
          r.returncode != 0 and f"{bad}:Results!C3: error: grade 'A*' is not on the scale of J560" in r.stderr, r.stderr)


def writing(work):
    # A pack with a surname that would be a formula, and a ULN and UCI to keep as text.
    folder = pack(work, "formula", {
        "candidates.csv": "candidate,surname,forenames,uci,uln,dob\n"
                          "0042,=HYPERLINK(\"http://x\"),Ann,641230240042X,0123456789,2006-08-22\n"
                          "0007,Smith,Bo,,,22/08/2006\n",
        "qualifications.csv": QUALIFICATIONS,
        "entries.csv": "candidate,qualification,series\n0042,J560,Summer 2024\n0007,J560,Summer 2024\n",
    }, {})
    r = exq(f"load {folder}", "candidates | sort candidate | save c.xlsx", "entries | count by qualification | save n.xlsx",
            cwd=work)
    check("saves answers as workbooks", r.returncode == 0 and "Saved 2 rows to c.xlsx" in r.stdout, r.stdout + r.stderr)
    if r.returncode != 0:
        return
    ws = openpyxl.load_workbook(os.path.join(work, "c.xlsx")).active
    header = [c.value for c in ws[1]]
    col = {name: i + 1 for i, name in enumerate(header)}
    check("header row is bold", all(c.font.b for c in ws[1]), [c.font.b for c in ws[1]])
    check("header row is frozen", ws.freeze_panes == "A2", ws.freeze_panes)
    check("header row has a filter over every column", ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}3",
          ws.auto_filter.ref)
    cand = ws.cell(2, col["candidate"])
    check("candidate numbers are text with their zeros", cand.value == "0007" and cand.data_type == "s", (cand.value, cand.data_type))
    uln = ws.cell(3, col["uln"])
    check("ULNs are text with their zeros", uln.value == "0123456789" and uln.data_type == "s", (uln.value, uln.data_type))
    uci = ws.cell(3, col["uci"])
    check("UCIs are text", uci.value == "641230240042X" and uci.data_type == "s", (uci.value, uci.data_type))
    dob = ws.cell(2, col["dob"])
    check("dates are dates shown DD/MM/YYYY",
          isinstance(dob.value, datetime.datetime) and dob.value.date() == datetime.date(2006, 8, 22)
          and dob.number_format.lower() == "dd/mm/yyyy", (dob.value, dob.number_format))
    surname = ws.cell(3, col["surname"])
    check("text starting with = stays text, never a formula",
          surname.value == '=HYPERLINK("http://x")' and surname.data_type == "s", (surname.value, surname.data_type))
    check("columns are sized to their values", (ws.column_dimensions["B"].width or 0) >= 20, ws.column_dimensions["B"].width)

    ws = openpyxl.load_workbook(os.path.join(work, "n.xlsx")).active
    count = ws.cell(2, 2)
    check("numbers are numbers", isinstance(count.value, (int, float)) and count.value == 2 and count.data_type == "n",
          (count.value, count.data_type))

    out = os.path.join(work, "pack-xlsx")
    r = exq("demo", f"export pack {out} --xlsx", cwd=work)
    check("exports a pack as workbooks", r.returncode == 0 and os.path.exists(os.path.join(out, "candidates.xlsx")), r.stderr)
    if r.returncode == 0:
        wb = openpyxl.load_workbook(os.path.join(out, "results.xlsx"))
        ws = wb.active
        check("a pack workbook's sheet is named after its file", ws.title == "results", ws.title)
        first = [c.value for c in ws[2]]
        check("a pack workbook keeps candidate numbers as text", isinstance(first[0], str) and len(first[0]) == 4, first)
        r = exq(f"load {out}", "set format csv", "candidates | count", cwd=work)
        check("an exported workbook pack loads back", r.returncode == 0 and r.stdout.strip().endswith("300"), r.stdout + r.stderr)


def main():
    if not (os.access(EXQ, os.X_OK) and os.access(os.path.join(os.path.dirname(EXQ), "exq-xlsx"), os.X_OK)):
        print(f"no exq and exq-xlsx at {os.path.dirname(EXQ)}: build first (swift build)")
        return 2
    work = tempfile.mkdtemp(prefix="exq-xlsx-check-")
    try:
        make_fixtures.make(os.path.join(work, "fixtures"))
        reading(work)
        broadsheet(work)
        writing(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
