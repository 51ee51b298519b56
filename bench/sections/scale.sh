# Section "scale" (and "province") of bench/run, sourced: build at scale against DuckDB and pandas.
# A synthetic city CSV (YUSUAN_BENCH_DEPARTMENTS departments, default 1000; YUSUAN_BENCH_ITEMS line items, default
# 1,000,000), built by `yusuan-bench scale` (every department's disclosure written as text plus the consolidated
# 汇总), by DuckDB (GROUP BY ROLLUP) and by pandas (groupby); the three must agree on the exact totals (分).
# With SCALE_NAME=province (bench/run --only province): 10,000 departments, 10,000,000 line items, one run.
scale_section() {
  local name=${SCALE_NAME:-city}
  local departments items
  if [ "$name" = province ]; then
    departments=${YUSUAN_BENCH_PROVINCE_DEPARTMENTS:-10000}; items=${YUSUAN_BENCH_PROVINCE_ITEMS:-10000000}
  else
    departments=${YUSUAN_BENCH_DEPARTMENTS:-1000}; items=${YUSUAN_BENCH_ITEMS:-1000000}
  fi
  local csv="$work/$name.csv"
  echo "== build at scale ($name): $departments departments, $items line items"
  [ -s "$csv" ] && [ "$(cat "$csv.params" 2>/dev/null)" = "$departments $items" ] || {
    "$helper" city "$csv" "$departments" "$items" 1 && echo "$departments $items" > "$csv.params"; }
  local size; size=$(python3 -c "import os; print(f'{os.path.getsize(\"$csv\")/1e6:.0f}')")
  rm -rf "$work/$name-yusuan" "$work/$name-duckdb" "$work/$name-pandas"
  # One run of each program per round (`sample`), so that the machine's spells fall on all three alike.
  for _ in $(seq 1 "$runs"); do
    sample "$name-yusuan" "$helper" scale "$csv" "$work/$name-yusuan"
    sample "$name-duckdb" python3 bench/peers/scale_duckdb.py "$csv" "$work/$name-duckdb"
    sample "$name-pandas" python3 bench/peers/scale_pandas.py "$csv" "$work/$name-pandas"
  done
  summarize "$name-yusuan" "$name-duckdb" "$name-pandas"
  local agree="the three agree on every exact total"
  for peer in duckdb pandas; do
    cmp -s "$work/$name-yusuan/totals.tsv" "$work/$name-$peer/totals.tsv" || agree="**totals differ** from $peer (see $work/$name-*/totals.tsv)"
  done
  echo "$agree"
  local uncontrolled; uncontrolled=$(grep '^scale:' "$work/$name-yusuan.log" | tail -1)
  local sample; sample=$(grep -E '^(total|basic|project|f201|e301)\b' "$work/$name-yusuan/totals.tsv" | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}')
  local y="$name-yusuan" d="$name-duckdb" p="$name-pandas"
  cat > "$work/section-$name.md" <<MD
## 2. Build at scale: the $name

Measured by \`bench/run $runs --only $([ "$name" = city ] && echo scale || echo "$name")\` on $(machine_line). Median of $runs run(s) (min–max), the three programs run in turn, one run of each per round; wall seconds; CPU time and
peak RSS from \`/usr/bin/time\`.

Input: one CSV of $items line items of $departments departments ($size MB; \`yusuan-bench city\`: 部门编码, 单位编码, 功能科目,
经济科目, 性质, 项目编码, 资金来源, 金额（元）; 1–5 units and about ten projects per department, codes from the 2022 catalogs).

| what | median s | min s | max s | CPU s (user+sys) | peak RSS MiB |
|---|---:|---:|---:|---:|---:|
| \`yusuan-bench scale\`: every department's disclosure (all tables of chongqing-district-2022 and the 情况说明, controlled rounding, written as text into one file) and the consolidated 汇总 by 功能 and 经济 科目, 2 threads | ${median[$y]} | ${minimum[$y]} | ${maximum[$y]} | ${cpu[$y]} | ${rss[$y]} |
| DuckDB $(python3 -c 'import duckdb; print(duckdb.__version__)'): per department and consolidated \`GROUP BY ROLLUP\` by 功能 (类/款/项) and 经济 (类/款), 合计/基本/项目, written as CSV | ${median[$d]} | ${minimum[$d]} | ${maximum[$d]} | ${cpu[$d]} | ${rss[$d]} |
| pandas $(python3 -c 'import pandas; print(pandas.__version__)'): the same with one \`groupby\` per level | ${median[$p]} | ${minimum[$p]} | ${maximum[$p]} | ${cpu[$p]} | ${rss[$p]} |

- Yusuan takes **$(ratio "${median[$y]}" "${median[$d]}")×** DuckDB's wall time and **$(ratio "${median[$y]}" "${median[$p]}")×** pandas'
  (CPU time: $(ratio "${cpu[$y]}" "${cpu[$d]}")× DuckDB's, $(ratio "${cpu[$y]}" "${cpu[$p]}")× pandas').
- Exact totals (分) compared: total, 基本, 项目, every 功能 类 and every 经济 类 — $agree ($sample).
- Rounding: \`$uncontrolled\`.

Targets (issue 6): faster than DuckDB on the city; the province under 60 s with peak RSS under 8 GiB.
MD
  write_section "$([ "$name" = city ] && echo scale || echo "$name")" "$work/section-$name.md"
}
