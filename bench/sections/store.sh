# Section "store" of bench/run, sourced: importing the synthetic city's line items (the CSV of section "scale":
# YUSUAN_BENCH_DEPARTMENTS departments, YUSUAN_BENCH_ITEMS line items) with `yusuan import` into SQLite and into
# PostgreSQL, against sqlite3's `.import` and psql's `\copy` of the same CSV into an equivalent plain table (the
# eight columns, no checks, no index). Each run starts from an empty database. PostgreSQL is a throwaway server
# from scripts/postgres-test-server in $work/store-postgres, stopped at the end. Row counts and exact totals are
# compared after the runs.

# store_tool COMMAND PACKAGE: COMMAND on PATH, else installed from Debian's PACKAGE (as root) or a clear message.
store_tool() {
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "store: installing $2 (for $1)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null 2>&1; }
  fi
  command -v "$1" >/dev/null || { echo "store: needs $1 (Debian package $2: apt-get install $2); section skipped"; return 1; }
}

store_section() {
  store_tool sqlite3 sqlite3 || return 0
  store_tool psql postgresql-client || return 0
  local departments=${YUSUAN_BENCH_DEPARTMENTS:-1000} items=${YUSUAN_BENCH_ITEMS:-1000000}
  local csv="$work/city.csv" year=2022
  echo "== store: import $items line items of $departments departments"
  [ -s "$csv" ] && [ "$(cat "$csv.params" 2>/dev/null)" = "$departments $items" ] || {
    "$helper" city "$csv" "$departments" "$items" 1 && echo "$departments $items" > "$csv.params"; }
  local size; size=$(python3 -c "import os; print(f'{os.path.getsize(\"$csv\")/1e6:.0f}')")
  local pgdir="$work/store-postgres" url
  url=$(scripts/postgres-test-server start "$pgdir") || { echo "store: no PostgreSQL server (scripts/postgres-test-server start $pgdir failed)"; return 0; }
  local db="$work/store-yusuan.sqlite" raw="$work/store-sqlite3.sqlite" schema=yusuan_bench
  local plain="(department TEXT, unit TEXT, functional TEXT, economic TEXT, nature TEXT, project TEXT, fund TEXT, amount NUMERIC)"

  measure store-yusuan-sqlite bash -c "rm -f '$db' '$db-wal' '$db-shm' && '$yusuan' import '$csv' --year $year --database '$db'"
  measure store-sqlite3 bash -c "rm -f '$raw' && sqlite3 '$raw' 'CREATE TABLE line_items_raw $plain' '.import --csv --skip 1 $csv line_items_raw'"
  measure store-yusuan-postgres bash -c "psql -qX '$url' -c 'DROP SCHEMA IF EXISTS $schema CASCADE' >/dev/null && '$yusuan' import '$csv' --year $year --postgres '$url?schema=$schema'"
  measure store-psql-copy bash -c "psql -qX '$url' -c 'DROP TABLE IF EXISTS line_items_raw' -c 'CREATE TABLE line_items_raw $plain' -c \"\\\\copy line_items_raw FROM '$csv' CSV HEADER\""

  # The same rows and the same exact total (分) in all four.
  local a b c d agree
  a=$(sqlite3 "$db" "SELECT COUNT(*) || ' ' || SUM(fen) FROM line_items")
  b=$(sqlite3 "$raw" "SELECT COUNT(*) || ' ' || SUM(CAST(ROUND(amount * 100) AS INTEGER)) FROM line_items_raw")
  c=$(psql -qAtX "$url" -c "SELECT COUNT(*) || ' ' || SUM(fen) FROM $schema.line_items")
  d=$(psql -qAtX "$url" -c "SELECT COUNT(*) || ' ' || (SUM(amount) * 100)::BIGINT FROM line_items_raw")
  if [ "$a" = "$b" ] && [ "$a" = "$c" ] && [ "$a" = "$d" ]; then agree="all four hold the same $(echo "$a" | cut -d' ' -f1) rows and the same total of $(echo "$a" | cut -d' ' -f2) 分"; else agree="**they differ**: yusuan/SQLite $a, sqlite3 $b, yusuan/PostgreSQL $c, psql $d"; fi
  echo "$agree"
  local pgversion; pgversion=$(psql -qAtX "$url" -c "SHOW server_version")
  scripts/postgres-test-server stop "$pgdir" >/dev/null 2>&1 || true

  local ys=store-yusuan-sqlite s3=store-sqlite3 yp=store-yusuan-postgres pc=store-psql-copy
  local rate_s rate_p
  rate_s=$(python3 -c "print(f'{$items / float(${median[$ys]}):,.0f}')"); rate_p=$(python3 -c "print(f'{$items / float(${median[$yp]}):,.0f}')")
  cat > "$work/section-store.md" <<MD
## 3. Store: importing a city's line items

Measured by \`bench/run $runs --only store\` on $(machine_line). Median of $runs runs (min–max), wall seconds; CPU time
(user+sys of the client process) and peak RSS from \`/usr/bin/time\`. Each run starts from an empty database.

Input: the city CSV of section 2 ($items line items of $departments departments, $size MB). \`yusuan import CSV --year Y\`
checks every row (codes, 性质, 资金来源, the amount read by \`NumberParser\` into exact 分), then writes one batch in one
transaction: SQLite through one prepared GRDB statement reused for every row; PostgreSQL through
\`COPY line_items FROM STDIN\` (postgres-nio's \`copyFrom\`), about 1 MB per message. Both read the file 1 MiB at a time
(memory stays flat) and keep each row's line; SQLite indexes (batch, department) with a B-tree and checks the batch
by foreign key, PostgreSQL uses a BRIN index and no foreign key (each cost COPY 2–4×). The peers load
the same CSV into a plain table of the eight columns (TEXT, the amount NUMERIC) with no checks and no index.

| what | median s | min s | max s | CPU s (client) | peak RSS MiB |
|---|---:|---:|---:|---:|---:|
| \`yusuan import\` → SQLite (WAL, one transaction) | ${median[$ys]} | ${minimum[$ys]} | ${maximum[$ys]} | ${cpu[$ys]} | ${rss[$ys]} |
| \`sqlite3 DB '.import --csv --skip 1 CITY.csv line_items_raw'\` ($(sqlite3 --version | cut -d' ' -f1)) | ${median[$s3]} | ${minimum[$s3]} | ${maximum[$s3]} | ${cpu[$s3]} | ${rss[$s3]} |
| \`yusuan import --postgres URL\` → PostgreSQL $pgversion (COPY FROM STDIN) | ${median[$yp]} | ${minimum[$yp]} | ${maximum[$yp]} | ${cpu[$yp]} | ${rss[$yp]} |
| \`psql -c "\\copy line_items_raw FROM CITY.csv CSV HEADER"\` | ${median[$pc]} | ${minimum[$pc]} | ${maximum[$pc]} | ${cpu[$pc]} | ${rss[$pc]} |

- SQLite: **$(ratio "${median[$ys]}" "${median[$s3]}")×** sqlite3's \`.import\` ($rate_s rows/s). PostgreSQL: **$(ratio "${median[$yp]}" "${median[$pc]}")×**
  psql's \`\\copy\` ($rate_p rows/s; the server's own CPU time is not in the client column).
- Checked after the runs: $agree.

Target (issue 6): within 2× of each.
MD
  write_section store "$work/section-store.md"
}
