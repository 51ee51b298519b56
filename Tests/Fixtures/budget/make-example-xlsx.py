#!/usr/bin/env python3
"""Builds example.xlsx from example-csv/ the way an officer's workbook stores a budget source:
one sheet per CSV file (named as Yusuan names the sheets), codes and text as strings, amounts,
counts and weights as numbers ("0.00" format for amounts), plus a code-list sheet and a hidden
scratch sheet that readers skip. Run from this folder: python3 make-example-xlsx.py
"""
import csv
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SHEETS = [("department", "部门"), ("units", "单位"), ("revenue", "收入"), ("line_items", "支出明细"),
          ("projects", "项目"), ("indicators", "绩效指标"), ("procurement", "政府采购"), ("vehicles", "车辆"),
          ("prior_year", "上年数"), ("reasons", "变动原因")]
AMOUNT = "金额（元）"
NUMBERS = {"数量", "权重"}
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(ref, value, header):
    if value == "":
        return ""
    if header == AMOUNT:
        return f'<c r="{ref}" s="1"><v>{value}</v></c>'
    if header in NUMBERS:
        return f'<c r="{ref}"><v>{value}</v></c>'
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'


def sheet_xml(rows):
    header = rows[0]
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell(f"{col(c)}{r}", v, header[c] if r > 1 and c < len(header) else None)
                        for c, v in enumerate(row))
        out.append(f'<row r="{r}">{cells}</row>')
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{"".join(out)}</sheetData></worksheet>'


def main():
    sheets = []
    for base, name in SHEETS:
        with open(os.path.join(HERE, "example-csv", base + ".csv"), encoding="utf-8-sig", newline="") as f:
            sheets.append((name, list(csv.reader(f)), False))
    sheets.insert(4, ("功能科目代码", [["编码", "名称"], ["2070109", "群众文化"]], False))
    sheets.append(("草稿", [["备注"], ["不读这一页"]], True))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  for i in range(len(sheets))) + "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>',
    }
    sheet_list, rels = "", ""
    for i, (name, rows, hidden) in enumerate(sheets):
        state = ' state="hidden"' if hidden else ""
        sheet_list += f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"{state}/>'
        rels += f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = sheet_xml(rows)
    rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    parts["xl/workbook.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS}><sheets>{sheet_list}</sheets></workbook>'
    parts["xl/_rels/workbook.xml.rels"] = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    with zipfile.ZipFile(os.path.join(HERE, "example.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(parts):
            info = zipfile.ZipInfo(path, date_time=(2022, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[path])


if __name__ == "__main__":
    main()
