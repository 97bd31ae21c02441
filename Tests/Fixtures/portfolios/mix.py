#!/usr/bin/env python3
"""Turns `capdash generate --facilities 2000 --seed 2` output into seed2-mixed.csv:
contributions with retained stakes (some ignored), a deal timeline, money and
numbers in every spelling the format allows, quoted cells, CRLF line ends and a
byte-order mark, so the golden reports cover the loader's unusual paths too.
Deterministic: run it on the generated file to reproduce the fixture."""
import csv, io, random, sys

rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
header, body = rows[0], rows[1:]
header += ["retained_stake", "expected_close", "close_probability"]
rng = random.Random(2)
col = {name: i for i, name in enumerate(header)}
for i, row in enumerate(body):
    row += ["", "", ""]
    roll = rng.random()
    if row[col["sale_price"]] and roll < 0.12:
        row[col["disposition"]] = rng.choice(["contribute", "Contribute", "CONTRIBUTE"])
        if rng.random() < 0.7:
            row[col["retained_stake"]] = rng.choice(["0.2", "0.35", "0", ".5", "0.125", "2e-1"])
    elif roll < 0.16:
        row[col["retained_stake"]] = "0.3"  # ignored: not contributed (a warning)
    if row[col["disposition"]] in ("divest", "leaseback") and rng.random() < 0.4:
        row[col["expected_close"]] = f"202{rng.randint(5, 8)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.6:
            row[col["close_probability"]] = rng.choice(["0.5", "0.8", "1", "0.95", "0"])
    kind = i % 23
    book = row[col["book_value"]]
    if kind == 1:
        row[col["book_value"]] = f"${int(book):,}"
    elif kind == 2 and int(book) % 1000 == 0:
        row[col["book_value"]] = f"{int(book) // 1000}K"
    elif kind == 3:
        row[col["annual_opex"]] = f"{int(row[col['annual_opex']]) / 1e6}M"
    elif kind == 4:
        row[col["name"]] = f'Hall "{row[col["name"]]}", annex'
    elif kind == 5:
        row[col["ai_ready"]] = {"true": "Yes", "false": "off"}[row[col["ai_ready"]]]
    elif kind == 6:
        row[col["capacity_mw"]] = f" {row[col['capacity_mw']]}\t"
    elif kind == 7:
        row[col["commissioned"]] = row[col["commissioned"]] + ".0"
    elif kind == 8:
        row[col["annual_capex"]] = f"{row[col['annual_capex']]}e0"
    elif kind == 9:
        row[col["country"]] = ""
    elif kind == 10:
        row[col["region"]] = f' "{row[col["region"]]}"'
    elif kind == 11:
        row[col["annual_capex"]] = f"{int(row[col['annual_capex']]):_}"
    elif kind == 12:
        row[col["name"]] = row[col["name"]] + "\nsecond line"
def cell_text(cell):
    # A region written with spaces before its quote stays as written above.
    if cell.startswith(' "') and cell.endswith('"'):
        return cell
    if any(c in cell for c in ',"\r\n') or cell != cell.strip(" "):
        return '"' + cell.replace('"', '""') + '"'
    return cell

lines = [",".join(cell_text(c) for c in row) for row in [header] + body]
sys.stdout.buffer.write(b"\xef\xbb\xbf" + "".join(line + "\r\n" for line in lines).encode("utf-8"))
