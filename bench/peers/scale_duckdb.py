"""Build at scale, DuckDB's side (bench/run): every department's expenditure by 功能 (类/款/项) and by
经济 (类/款) with 基本/项目 columns, and the same consolidated, as GROUP BY ROLLUP over the city CSV.
Writes the four result tables as CSV to OUTDIR and OUTDIR/totals.tsv (exact figures in 分, the keys of
`yusuan-bench scale`).

    python3 bench/peers/scale_duckdb.py CITY.csv OUTDIR
"""
import os
import sys

import duckdb

csv, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
con = duckdb.connect()
con.execute("""
CREATE TEMP TABLE items AS SELECT * FROM read_csv(?, header = true, columns = {
  '部门编码': 'VARCHAR', '单位编码': 'VARCHAR', '功能科目': 'VARCHAR', '经济科目': 'VARCHAR', '性质': 'VARCHAR',
  '项目编码': 'VARCHAR', '资金来源': 'VARCHAR', '金额（元）': 'DECIMAL(18,2)'})
""", [csv])
money = """sum("金额（元）") AS total,
  coalesce(sum("金额（元）") FILTER (WHERE "性质" <> '项目'), 0) AS basic,
  coalesce(sum("金额（元）") FILTER (WHERE "性质" = '项目'), 0) AS project"""
functional = "substr(\"功能科目\", 1, 3) AS lei, substr(\"功能科目\", 1, 5) AS kuan, \"功能科目\" AS xiang"
economic = "substr(\"经济科目\", 1, 3) AS lei, \"经济科目\" AS kuan"
queries = {
    "departments-functional": f"SELECT \"部门编码\", {functional}, {money} FROM items GROUP BY \"部门编码\", ROLLUP(lei, kuan, xiang)",
    "departments-economic": f"SELECT \"部门编码\", {economic}, {money} FROM items GROUP BY \"部门编码\", ROLLUP(lei, kuan)",
    "functional": f"SELECT {functional}, {money} FROM items GROUP BY ROLLUP(lei, kuan, xiang)",
    "economic": f"SELECT {economic}, {money} FROM items GROUP BY ROLLUP(lei, kuan)",
}
for name, query in queries.items():
    con.execute(f"COPY ({query} ORDER BY ALL) TO '{os.path.join(out, name + '.csv')}' (HEADER)")

# Exact figures in 分, read back from the consolidated roll-ups.
def fen(value):
    return int(value * 100)

lines = []
total = con.execute(f"SELECT {money} FROM items").fetchone()
lines += [f"total\t{fen(total[0])}", f"basic\t{fen(total[1])}", f"project\t{fen(total[2])}"]
for code, amount in con.execute("SELECT substr(\"功能科目\", 1, 3) AS c, sum(\"金额（元）\") FROM items GROUP BY c ORDER BY c").fetchall():
    lines.append(f"f{code}\t{fen(amount)}")
for code, amount in con.execute("SELECT substr(\"经济科目\", 1, 3) AS c, sum(\"金额（元）\") FROM items GROUP BY c ORDER BY c").fetchall():
    lines.append(f"e{code}\t{fen(amount)}")
with open(os.path.join(out, "totals.tsv"), "w") as f:
    f.write("\n".join(lines) + "\n")
