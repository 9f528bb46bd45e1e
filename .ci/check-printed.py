#!/usr/bin/env python3
"""Prints exq's HTML report and statements with headless Chromium and reads the PDFs back.

    .ci/check-printed.py EXQ [WORKDIR]

Writes `report results` and `statements to FILE.html` from the demo centre (Summer 2024, on
30 September 2024, after both results days), prints each to PDF with `chromium --headless
--print-to-pdf`, and checks with Poppler's pdfinfo and pdftotext:
  - both are A4;
  - the statements have one page per candidate with an entry completing in the series, and each
    candidate's page holds their number and every grade of theirs in the series;
  - each subject's measures in the report (graded count, 4+/7+ or A*-B/A*-E..., average points)
    equal what `summarise` gives over the same rows, and the headline counts equal `summarise`'s.
Exits non-zero, saying what differs, when any check fails.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile

SERIES = "Summer 2024"
TODAY = "2024-09-30"
# The report's labels and the grade each counts from (GradeScale.headlines), written out here
# again on purpose: the check should not take the code's word for what a label means.
THRESHOLDS = {
    "4+": "4", "7+": "7", "4-4+": "4-4", "7-7+": "7-7", "A*-B": "B", "A*-E": "E", "A-B": "B", "A-E": "E",
    "L2P+": "L2P", "L1P+": "L1P", "D*-M": "M", "D*-P": "P", "D*D*-MM": "MM", "D*D*-PP": "PP",
    "D*D*D*-MMM": "MMM", "D*D*D*-PPP": "PPP",
}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def exq(exq_path, *statements, fmt="csv"):
    args = [exq_path, "--demo", "--today", TODAY, "--format", fmt]
    for s in statements:
        args += ["-c", s]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"exq failed ({done.returncode}) on {statements}:\n{done.stderr}")
    return done.stdout


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def print_pdf(html, pdf):
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf, "file://" + html],
                   capture_output=True, text=True, timeout=300, check=True)
    if not os.path.exists(pdf):
        sys.exit(f"chromium wrote no {pdf}")


def pdfinfo(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    size = re.search(r"^Page size:\s+(.*)$", out, re.M).group(1)
    return pages, size


def pdftext(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout


def near(shown, exact):
    """A figure as the report shows it (two decimals at most) against the exact one."""
    if exact == "":
        return shown in ("—", "")
    return shown not in ("—", "") and abs(float(shown) - round(float(exact), 2)) < 0.005


def check_statements(exq_path, work):
    html, pdf = os.path.join(work, "statements.html"), os.path.join(work, "statements.pdf")
    exq(exq_path, f"statements to {html}", fmt="table")
    print_pdf(html, pdf)
    pages, size = pdfinfo(pdf)
    if "A4" not in size:
        fail(f"statements: page size {size}, not A4")
    expected = int(rows(exq(exq_path, "entries | where in_series | summarise count distinct candidate as candidates"))[0]["candidates"])
    if pages != expected:
        fail(f"statements: {pages} pages for {expected} candidates with an entry completing in {SERIES}")
    grades = {}
    for r in rows(exq(exq_path, f'results | where series = "{SERIES}" | show candidate, qualification, grade')):
        grades.setdefault(r["candidate"], []).append((r["qualification"], r["grade"]))
    seen = set()
    for number, page in enumerate(pdftext(pdf).split("\f")[:pages], start=1):
        found = re.search(r"Candidate number\s+(\S+)", page)
        if not found:
            fail(f"statements: page {number} names no candidate number")
            continue
        candidate = found.group(1)
        if candidate in seen:
            fail(f"statements: candidate {candidate} is on more than one page")
        seen.add(candidate)
        lines = page.splitlines()
        for code, grade in grades.get(candidate, []):
            if not any(re.search(rf"(^|\s){re.escape(code)}\s", l) and re.search(rf"\s{re.escape(grade)}(\s|$)", l) for l in lines):
                fail(f"statements: page {number} (candidate {candidate}) lacks {code} grade {grade}")
    missing = set(grades) - seen
    if missing:
        fail(f"statements: no page for candidates with results: {', '.join(sorted(missing)[:10])}")
    print(f"statements: {pages} A4 pages, one per candidate; {sum(len(g) for g in grades.values())} grades found on their pages")


def check_report(exq_path, work):
    html, pdf = os.path.join(work, "report.html"), os.path.join(work, "report.pdf")
    exq(exq_path, f"report results {html}", fmt="table")
    with open(html, encoding="utf-8") as f:
        source = f.read()
    if re.search(r"<script|https?://(?!www\.w3\.org/2000/svg)", source):
        fail("report: the HTML holds a script or a network address")
    print_pdf(html, pdf)
    pages, size = pdfinfo(pdf)
    if "A4" not in size:
        fail(f"report: page size {size}, not A4")
    text = pdftext(pdf)
    # One line per subject: "J560 measures: graded 99 · 4+ 67.68% · 7+ 24.24% · average points 4.67".
    lines = re.findall(r"^\s*(\S+) measures: (.*)$", text, re.M)
    codes = [r["qualification"] for r in rows(exq(exq_path, f'results | where series = "{SERIES}" | distinct qualification'))]
    if sorted(code for code, _ in lines) != sorted(codes):
        fail(f"report: subjects {[c for c, _ in lines]} but {SERIES} has results in {codes}")
    for code, rest in lines:
        parts = [p.strip() for p in rest.split("·")]
        shown = {}
        for p in parts:
            label, _, value = p.rpartition(" ")
            shown[label] = value.rstrip("%")
        measures = ["count as graded"] + [f'share(grade >= "{THRESHOLDS[l]}") as "{l}"' for l in shown if l in THRESHOLDS]
        measures.append('avg(points) as "average points"')
        exact = rows(exq(exq_path, f'results | where series = "{SERIES}" and qualification = "{code}" and graded | summarise ' + ", ".join(measures)))[0]
        for label, value in shown.items():
            if label not in exact:
                fail(f"report: {code} shows '{label}', a measure this check does not know")
            elif label == "graded" and value != exact[label]:
                fail(f"report: {code} graded {value}, summarise says {exact[label]}")
            elif label != "graded" and not near(value, exact[label]):
                fail(f"report: {code} {label} {value}, summarise says {exact[label]}")
    headline = rows(exq(exq_path, f'results | where series = "{SERIES}" | summarise count as results, count distinct candidate as candidates'))[0]
    found = re.search(r"results\s+candidates\s+graded.*\n\s*(\d+)\s+(\d+)\s+(\d+)", text)
    if not found or (found.group(1), found.group(2)) != (headline["results"], headline["candidates"]):
        fail(f"report: headline results and candidates {found.groups() if found else None}, summarise says {headline}")
    print(f"report: {pages} A4 pages; {len(lines)} subjects' measures equal summarise's")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    exq_path = os.path.abspath(sys.argv[1])
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="exq-printed-")
    os.makedirs(work, exist_ok=True)
    check_statements(exq_path, work)
    check_report(exq_path, work)
    if failures:
        sys.exit(f"{len(failures)} printed-output checks failed")
    print("printed output: all checks passed")


if __name__ == "__main__":
    main()
