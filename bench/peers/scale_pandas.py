"""Build at scale, pandas' side (bench/run): the same figures as scale_duckdb.py with groupby (pandas has
no ROLLUP: one groupby per level). Amounts are read as text and converted to integer 分 exactly.

    python3 bench/peers/scale_pandas.py CITY.csv OUTDIR
"""
import os
import sys

import pandas as pd

csv, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
df = pd.read_csv(csv, dtype=str, keep_default_na=False)
text = df["金额（元）"].str.replace(",", "", regex=False)
negative = text.str.startswith("-")
parts = text.str.lstrip("-").str.split(".", n=1, expand=True)
cents = parts[1].fillna("").str.ljust(2, "0").astype("int64") if parts.shape[1] > 1 else 0
df["fen"] = (parts[0].astype("int64") * 100 + cents).where(~negative, -(parts[0].astype("int64") * 100 + cents))
df["basic"] = df["fen"].where(df["性质"] != "项目", 0)
df["project"] = df["fen"].where(df["性质"] == "项目", 0)
df["f3"] = df["功能科目"].str[:3]
df["f5"] = df["功能科目"].str[:5]
df["e3"] = df["经济科目"].str[:3]
cols = ["fen", "basic", "project"]

def rollup(keys, levels):
    parts = [df.groupby(keys + list(level), sort=True)[cols].sum().reset_index() for level in levels]
    if not keys:
        parts.append(df[cols].sum().to_frame().T)
    return pd.concat(parts, ignore_index=True)

functional_levels = [["f3"], ["f3", "f5"], ["f3", "f5", "功能科目"]]
economic_levels = [["e3"], ["e3", "经济科目"]]
rollup(["部门编码"], [[]] + functional_levels).to_csv(os.path.join(out, "departments-functional.csv"), index=False)
rollup(["部门编码"], [[]] + economic_levels).to_csv(os.path.join(out, "departments-economic.csv"), index=False)
rollup([], functional_levels).to_csv(os.path.join(out, "functional.csv"), index=False)
rollup([], economic_levels).to_csv(os.path.join(out, "economic.csv"), index=False)

lines = [f"total\t{df['fen'].sum()}", f"basic\t{df['basic'].sum()}", f"project\t{df['project'].sum()}"]
lines += [f"f{k}\t{v}" for k, v in df.groupby("f3")["fen"].sum().sort_index().items()]
lines += [f"e{k}\t{v}" for k, v in df.groupby("e3")["fen"].sum().sort_index().items()]
with open(os.path.join(out, "totals.tsv"), "w") as f:
    f.write("\n".join(lines) + "\n")
