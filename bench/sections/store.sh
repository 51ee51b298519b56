# Section "store" of bench/run, sourced: importing the synthetic city's line items (the CSV of section "scale":
# YUSUAN_BENCH_DEPARTMENTS departments, YUSUAN_BENCH_ITEMS line items) with `yusuan import` into SQLite and into
# PostgreSQL, against sqlite3's `.import` and psql's `\copy` of the same CSV into an equivalent plain table (the
# eight columns, no checks, no index) and, for PostgreSQL, also into a table shaped like yusuan's line_items (ten
# columns, the same NOT NULL and CHECK constraints, the same BRIN index). Each run starts from an empty database.
# The PostgreSQL server's own CPU time (its backends and background processes) is measured around each command's
# runs and given per run. PostgreSQL is a throwaway server
# from scripts/postgres-test-server in $work/store-postgres, stopped at the end. Row counts and exact totals are
# compared after the runs.

# store_server_cpu PGDIR: CPU seconds (user+system) the server in PGDIR has used so far: the postmaster, its
# children still running (background writer, WAL writer…) and those that exited (each connection's backend).
store_server_cpu() {
  local pid ticks=0 t
  pid=$(head -1 "$1/data/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null) && ticks=$((ticks + t))
  for child in $(pgrep -P "$pid"); do
    t=$(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null) && ticks=$((ticks + t))
  done
  python3 -c "print(f'{$ticks / $(getconf CLK_TCK):.2f}')"
}

# store_measure_pg PGDIR NAME COMMAND...: `measure`, and server[NAME], the server's CPU seconds per run.
declare -A server
store_measure_pg() {
  local pgdir=$1 name=$2 before after; shift 2
  before=$(store_server_cpu "$pgdir")
  measure "$name" "$@"
  sleep 1  # the last backend is reaped by the postmaster
  after=$(store_server_cpu "$pgdir")
  server[$name]=$(python3 -c "print(f'{($after - $before) / $runs:.2f}')")
  echo "$name: server CPU ${server[$name]} s per run"
}

store_section() {
  need_tool store sqlite3 sqlite3 || return 0
  need_tool store psql postgresql-client || return 0
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
  # yusuan's line_items (PostgresMigrations v2LineItems) with the amount as psql can load it (NUMERIC 元, not 分).
  local shaped="(batch_id BIGINT NOT NULL DEFAULT 1, line BIGINT NOT NULL DEFAULT 0, department TEXT NOT NULL CHECK (length(department) > 0), unit TEXT NOT NULL CHECK (length(unit) > 0), functional TEXT NOT NULL, economic TEXT NOT NULL, nature TEXT NOT NULL, project TEXT NOT NULL, fund TEXT NOT NULL, amount NUMERIC NOT NULL)"
  local columns="(department, unit, functional, economic, nature, project, fund, amount)"

  measure store-yusuan-sqlite bash -c "rm -f '$db' '$db-wal' '$db-shm' && '$yusuan' import '$csv' --year $year --database '$db'"
  measure store-sqlite3 bash -c "rm -f '$raw' && sqlite3 '$raw' 'CREATE TABLE line_items_raw $plain' '.import --csv --skip 1 $csv line_items_raw'"
  store_measure_pg "$pgdir" store-yusuan-postgres bash -c "psql -qX '$url' -c 'DROP SCHEMA IF EXISTS $schema CASCADE' >/dev/null && '$yusuan' import '$csv' --year $year --postgres '$url?schema=$schema'"
  store_measure_pg "$pgdir" store-psql-copy bash -c "psql -qX '$url' -c 'DROP TABLE IF EXISTS line_items_raw' -c 'CREATE TABLE line_items_raw $plain' -c \"\\\\copy line_items_raw FROM '$csv' CSV HEADER\""
  store_measure_pg "$pgdir" store-psql-shaped bash -c "psql -qX '$url' -c 'DROP TABLE IF EXISTS line_items_shaped' -c 'CREATE TABLE line_items_shaped $shaped' -c 'CREATE INDEX ON line_items_shaped USING brin (batch_id, department)' -c \"\\\\copy line_items_shaped $columns FROM '$csv' WITH (FORMAT csv, HEADER true, FORCE_NOT_NULL (project))\""

  # The same rows and the same exact total (分) in all four.
  local a b c d e agree
  a=$(sqlite3 "$db" "SELECT COUNT(*) || ' ' || SUM(fen) FROM line_items")
  b=$(sqlite3 "$raw" "SELECT COUNT(*) || ' ' || SUM(CAST(ROUND(amount * 100) AS INTEGER)) FROM line_items_raw")
  c=$(psql -qAtX "$url" -c "SELECT COUNT(*) || ' ' || SUM(fen) FROM $schema.line_items")
  d=$(psql -qAtX "$url" -c "SELECT COUNT(*) || ' ' || (SUM(amount) * 100)::BIGINT FROM line_items_raw")
  e=$(psql -qAtX "$url" -c "SELECT COUNT(*) || ' ' || (SUM(amount) * 100)::BIGINT FROM line_items_shaped")
  if [ "$a" = "$b" ] && [ "$a" = "$c" ] && [ "$a" = "$d" ] && [ "$a" = "$e" ]; then agree="all five tables hold the same $(echo "$a" | cut -d' ' -f1) rows and the same total of $(echo "$a" | cut -d' ' -f2) 分"; else agree="**they differ**: yusuan/SQLite $a, sqlite3 $b, yusuan/PostgreSQL $c, psql plain $d, psql shaped $e"; fi
  echo "$agree"
  local pgversion; pgversion=$(psql -qAtX "$url" -c "SHOW server_version")
  scripts/postgres-test-server stop "$pgdir" >/dev/null 2>&1 || true

  local ys=store-yusuan-sqlite s3=store-sqlite3 yp=store-yusuan-postgres pc=store-psql-copy ps=store-psql-shaped
  local rate_s rate_p
  rate_s=$(python3 -c "print(f'{$items / float(${median[$ys]}):,.0f}')"); rate_p=$(python3 -c "print(f'{$items / float(${median[$yp]}):,.0f}')")
  cat > "$work/section-store.md" <<MD
## 3. Store: importing a city's line items

Measured by \`bench/run $runs --only store\` on $(machine_line). Median of $runs runs (min–max), wall seconds; CPU time
(user+sys of the client process) and peak RSS from \`/usr/bin/time\`; the PostgreSQL server's CPU time (its
backends and background processes, from /proc) per run, averaged over the runs. Each run starts from an empty table.

Input: the city CSV of section 2 ($items line items of $departments departments, $size MB). \`yusuan import CSV --year Y\`
checks every row (codes, 性质, 资金来源, the amount read into exact 分), then writes one batch in one transaction:
SQLite through a prepared INSERT of 64 rows per execution, the checked fields' bytes bound in place with SQLite's C
API and the next 8,192 rows read and checked on a second thread while the last are inserted (into an empty table
the (batch, department) index is dropped and built once after the rows, in the same transaction); PostgreSQL
through \`COPY line_items FROM STDIN\` (postgres-nio's \`copyFrom\`, text format) in 256 KiB messages, the checked
fields' bytes written straight into COPY text, the next chunk read and checked by a child task while the last is
sent, and an ordinary synchronous commit (durable once it reports success). Both read the file 1 MiB at a time.
Tables: yusuan's SQLite line_items has a B-tree on (batch, department) and a foreign key; its PostgreSQL line_items
has ten columns (batch, line, the seven fields, 分 BIGINT), CHECKs on department and unit, a BRIN index on (batch,
department) and no foreign key. The peers load the same CSV into \`line_items_raw\`, eight columns (TEXT, the amount
NUMERIC) without checks or index; psql also into \`line_items_shaped\`, yusuan's PostgreSQL table with the amount as
NUMERIC 元 (the same columns, NOT NULLs, CHECKs and BRIN index; batch and line by default).

| what | into | median s | min s | max s | CPU s (client) | CPU s (server) | peak RSS MiB |
|---|---|---:|---:|---:|---:|---:|---:|
| \`yusuan import\` → SQLite (WAL, one transaction) | line_items | ${median[$ys]} | ${minimum[$ys]} | ${maximum[$ys]} | ${cpu[$ys]} | – | ${rss[$ys]} |
| \`sqlite3 DB '.import --csv --skip 1 CITY.csv line_items_raw'\` ($(sqlite3 --version | cut -d' ' -f1)) | line_items_raw | ${median[$s3]} | ${minimum[$s3]} | ${maximum[$s3]} | ${cpu[$s3]} | – | ${rss[$s3]} |
| \`yusuan import --postgres URL\` → PostgreSQL $pgversion (COPY FROM STDIN) | line_items | ${median[$yp]} | ${minimum[$yp]} | ${maximum[$yp]} | ${cpu[$yp]} | ${server[$yp]} | ${rss[$yp]} |
| \`psql -c "\\copy line_items_raw FROM CITY.csv CSV HEADER"\` | line_items_raw | ${median[$pc]} | ${minimum[$pc]} | ${maximum[$pc]} | ${cpu[$pc]} | ${server[$pc]} | ${rss[$pc]} |
| \`psql -c "\\copy line_items_shaped (…) FROM CITY.csv (FORMAT csv, HEADER, FORCE_NOT_NULL (project))"\` | line_items_shaped | ${median[$ps]} | ${minimum[$ps]} | ${maximum[$ps]} | ${cpu[$ps]} | ${server[$ps]} | ${rss[$ps]} |

- SQLite: **$(ratio "${median[$ys]}" "${median[$s3]}")×** sqlite3's \`.import\` ($rate_s rows/s). PostgreSQL: **$(ratio "${median[$yp]}" "${median[$pc]}")×**
  psql's \`\\copy\` into the plain table, **$(ratio "${median[$yp]}" "${median[$ps]}")×** into the same table shape ($rate_p rows/s).
- Checked after the runs: $agree.

Target (issue 6): within 2× of each.
MD
  write_section store "$work/section-store.md"
}
