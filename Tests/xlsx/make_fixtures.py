#!/usr/bin/env python3
"""Writes the workbooks exq's Swift tests read (Tests/ExamWorkbookTests/Fixtures), with openpyxl,
a spreadsheet library exq shares no code with. Run once when a fixture is added; the files are
committed, so `swift test` needs no Python.

    python3 Tests/xlsx/make_fixtures.py [FOLDER]

Also used by Tests/xlsx/check.py, which writes them afresh and has exq read them.
"""
import datetime
import io
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HEADER = ["Candidate Number", "Surname", "Forenames", "UCI", "ULN", "Date of Birth", "Reg Group", "Centre"]


def candidates(epoch=None, title="Pupils"):
    """A candidates sheet holding every kind of cell."""
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = title
    ws.append(HEADER)
    # Row 2: a candidate number stored as the number 42, a date cell, numbers for the group and centre.
    ws.append([42, "Smith", "Ann", None, 9000000019, datetime.date(2006, 8, 22), 13, 64123])
    ws["F2"].number_format = "DD/MM/YYYY"
    # Row 3: everything typed as text, the date too (as UK staff type it).
    ws.append(["0007", "O'Neil", "Bea", None, None, "22/08/2006", "13Y", "64123"])
    # Row 4: a date with an ISO-looking format, and a name that would be a formula.
    ws.append([1234, "=Lee", "Cy Dee", None, None, datetime.date(2005, 9, 1), "12A", 64123])
    ws["B4"].data_type = "s"  # text that starts with =, not a formula
    ws["F4"].number_format = "yyyy-mm-dd"
    # Row 5 left blank; row 6: a date serial formatted as a plain number in a date column.
    ws["A6"] = 5
    ws["B6"] = "Zoë"
    ws["C6"] = "Ève"
    ws["F6"] = 38951  # 2006-08-22 in the 1900 system, shown as a number
    ws["F6"].number_format = "General"
    ws["H6"] = 64123
    return wb


def save(wb, path):
    wb.save(path)


def rewrite(path, part, change):
    """Rewrites one part of the workbook at `path` (openpyxl writes no inline strings, nor broken files)."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts[part] = change(parts[part].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def shared_strings(path, columns):
    """The text cells of `columns` (letters) as shared strings, as Excel writes them (openpyxl
    writes inline strings): a sharedStrings part, its content type and its relation."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name).decode("utf-8") for name in z.namelist()}
    strings = []

    def repl(m):
        text = m.group(3)
        if text not in strings:
            strings.append(text)
        return f'<c r="{m.group(1)}"{m.group(2)} t="s"><v>{strings.index(text)}</v></c>'

    pattern = r'<c r="([' + columns + r']\d+)"([^>]*?) t="inlineStr"><is><t>([^<]*)</t></is></c>'
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(pattern, repl, parts[sheet])
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    parts["xl/sharedStrings.xml"] = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                                     f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>", '<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data.encode("utf-8"))


def make(folder):
    os.makedirs(folder, exist_ok=True)
    # Surnames (B) and groups (G) as shared strings, forenames (C) and the rest as inline strings.
    p = os.path.join(folder, "candidates.xlsx")
    save(candidates(), p)
    shared_strings(p, "BG")

    save(candidates(epoch=CALENDAR_MAC_1904), os.path.join(folder, "candidates-1904.xlsx"))

    # entries with booleans: acknowledged TRUE / FALSE, and a candidate number as a number.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["candidate", "qualification", "series", "acknowledged"])
    ws.append([42, "J560", "Summer 2024", True])
    ws.append([7, "J560", "Summer 2024", False])
    save(wb, os.path.join(folder, "entries.xlsx"))

    # A bad date typed as text at F7 (31 February).
    wb = candidates()
    wb.active["A7"] = 8
    wb.active["B7"] = "Bad"
    wb.active["F7"] = "31/02/2024"
    wb.active["H7"] = 64123
    save(wb, os.path.join(folder, "bad-date.xlsx"))

    # A formula whose value is an error (#N/A) at G2.
    wb = candidates()
    wb.active["G2"] = "#N/A"
    save(wb, os.path.join(folder, "error-value.xlsx"))

    # Not a workbook at all: CSV text named .xlsx.
    with open(os.path.join(folder, "not-a-zip.xlsx"), "w") as f:
        f.write("candidate,surname\n0001,Smith\n")

    # A workbook whose sheet list is empty.
    p = os.path.join(folder, "no-sheet.xlsx")
    save(candidates(), p)
    rewrite(p, "xl/workbook.xml", lambda x: re.sub(r"<sheets>.*</sheets>", "<sheets></sheets>", x))

    # A cell (B3) pointing at shared string 99, which the workbook lacks.
    p = os.path.join(folder, "missing-string.xlsx")
    save(candidates(), p)
    shared_strings(p, "B")
    rewrite(p, "xl/worksheets/sheet1.xml", lambda x: re.sub(r'(<c r="B3"[^>]*t="s"[^>]*><v>)\d+(</v>)', r"\g<1>99\2", x))

    broadsheets(folder)


def broadsheets(folder):
    """MIS broadsheets for the demo centre: a row per candidate, a column per qualification."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Results"
    ws.append(["Candidate No", "Surname", "Forenames", "Mathematics", "J351", "Computer Science"])
    ws.append([1, "Müller", "Zoë", 7, "6", None])   # a grade stored as the number 7
    ws.append([2, "Nowak", "Łukasz", "U", 9, "A*"])
    ws.append([3, "O'Connor", "Siobhán", None, "X", None])
    save(wb, os.path.join(folder, "broadsheet.xlsx"))
    shared_strings(os.path.join(folder, "broadsheet.xlsx"), "BC")

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Results"
    ws.append(["Candidate No", "Surname", "Mathematics"])
    ws.append([1, "Müller", 7])
    ws.append([2, "Nowak", "A*"])  # not a GCSE grade
    save(wb, os.path.join(folder, "broadsheet-bad.xlsx"))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    make(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "ExamWorkbookTests", "Fixtures"))
