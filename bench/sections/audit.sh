# Section "audit" of bench/run, sourced: audit throughput against the read-and-decode floor, every injected
# defect found, the seed in process, and a built PDF against pdftotext (issue 6, part 1).
audit_section() {
  local files=${YUSUAN_BENCH_FILES:-1000}
  echo "== corpus: $files disclosures built from random budgets, half with one figure changed"
  rm -rf "$work/corpus"; "$helper" corpus "$work/corpus" "$files" 1
  echo "== audit throughput"
  local bytes; bytes=$(cat "$work"/corpus/*.txt | wc -c)
  local accept="0 1"  # the audit exits 1 when it finds errors, as half the corpus has
  # One run of each per round (`sample`), so that the machine's spells fall on the audits and the floor alike.
  for _ in $(seq 1 "$runs"); do
    sample audit-1-core "$yusuan" audit --batch "$work/corpus" --format json --jobs 1
    sample audit-2-cores "$yusuan" audit --batch "$work/corpus" --format json --jobs 2
    sample floor-read-decode "$helper" floor "$work/corpus"
  done
  summarize audit-1-core audit-2-cores floor-read-decode
  "$yusuan" audit --batch "$work/corpus" --format json > "$work/results.jsonl" || true
  local check seed
  check=$("$helper" check "$work/corpus" "$work/results.jsonl" || true)
  echo "$check"
  seed=$("$helper" inprocess Examples/tongnan-xinfang-2022-budget.txt 20)
  echo "$seed"

  echo "== PDF: a published 33-page budget, and disclosures of about 30 and 85 pages built and printed by Chromium"
  local pdf_line="PDF: not measured (needs poppler-utils, chromium and fonts-droid-fallback)"
  # Without a CJK font Chromium drops characters and the built PDFs read as no disclosure at all.
  if need_tool audit pdftotext poppler-utils && need_tool audit chromium chromium \
    && need_tool audit /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf fonts-droid-fallback; then
    pdf_line=""
    local size units items projects pdf pages
    # A published 33-page 部门预算 (a Shanghai street office's, 2024; fonts as most offices' PDFs have).
    pdf=Tests/Fixtures/shanghai/putuo-wanli-street-2024-department-budget.pdf
    pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    measure pdf-audit-published "$yusuan" audit "$pdf"
    measure pdf-floor-published pdftotext -bbox-layout "$pdf" "$work/floor-published.html"
    pdf_line+="a published budget of $pages pages: audit ${median[pdf-audit-published]} s (CPU ${cpu[pdf-audit-published]} s) against"
    pdf_line+=" pdftotext -bbox-layout ${median[pdf-floor-published]} s (CPU ${cpu[pdf-floor-published]} s),"
    pdf_line+=" $(ratio "${median[pdf-audit-published]}" "${median[pdf-floor-published]}")×"
    # Built by Yusuan and printed by Chromium: with a TrueType CJK font (fonts-droid-fallback) where one is installed;
    # Noto CJK alone becomes Type 3 fonts, three to four times slower for poppler.
    # units, line items and projects of a budget whose disclosure prints about 30 and about 85 pages.
    for size in "small 2 160 5" "large 8 1200 24"; do
      read -r size units items projects <<< "$size"
      "$helper" budget "$work/$size.yaml" "$units" "$items" "$projects"
      rm -rf "$work/pdf-$size"
      "$yusuan" build "$work/$size.yaml" --format pdf --output "$work/pdf-$size" >/dev/null 2>&1 || true
      pdf=$(ls "$work/pdf-$size"/*.pdf | head -1)
      pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
      measure "pdf-audit-$size" "$yusuan" audit "$pdf"
      measure "pdf-floor-$size" pdftotext -bbox-layout "$pdf" "$work/floor-$size.html"
      pdf_line+="${pdf_line:+; }built, $pages pages: audit ${median[pdf-audit-$size]} s (CPU ${cpu[pdf-audit-$size]} s) against"
      pdf_line+=" pdftotext -bbox-layout ${median[pdf-floor-$size]} s (CPU ${cpu[pdf-floor-$size]} s),"
      pdf_line+=" $(ratio "${median[pdf-audit-$size]}" "${median[pdf-floor-$size]}")×"
    done
    pdf_line="PDF, end to end: $pdf_line"
  fi

  local mb rate1 rate2 floor_ratio speedup per_seed
  mb=$(python3 -c "print(f'{$bytes/1e6:.2f}')")
  rate1=$(python3 -c "print(f'{$bytes/1e6/${median[audit-1-core]}:.1f}')")
  rate2=$(python3 -c "print(f'{$bytes/1e6/${median[audit-2-cores]}:.1f}')")
  floor_ratio=$(ratio "${median[audit-1-core]}" "${median[floor-read-decode]}")
  speedup=$(ratio "${median[audit-1-core]}" "${median[audit-2-cores]}")
  per_seed=$(echo "$seed" | awk '{print $4}')
  cat > "$work/section-audit.md" <<MD
## 1. Audit throughput

Measured by \`bench/run $runs --only audit\` on $(machine_line). Median of $runs runs (min–max); the batches and the floor run in turn, one run of each per round.

Corpus: $files disclosures (text, $mb MB) built from random valid budgets of about the seed's size; every second one has one
printed figure changed by 1.00 万元 (\`yusuan-bench corpus\`).

| measure | median s | min s | max s | CPU s | MB/s |
|---|---:|---:|---:|---:|---:|
| \`yusuan audit --batch --jobs 1\` (one core) | ${median[audit-1-core]} | ${minimum[audit-1-core]} | ${maximum[audit-1-core]} | ${cpu[audit-1-core]} | $rate1 |
| \`yusuan audit --batch --jobs 2\` (both cores) | ${median[audit-2-cores]} | ${minimum[audit-2-cores]} | ${maximum[audit-2-cores]} | ${cpu[audit-2-cores]} | $rate2 |
| floor: read and decode the same bytes | ${median[floor-read-decode]} | ${minimum[floor-read-decode]} | ${maximum[floor-read-decode]} | ${cpu[floor-read-decode]} | |

- Audit on one core is **${floor_ratio}×** the read-and-decode floor; two cores are **${speedup}×** one core.
- Injected defects: \`$check\`.
- The seed (Examples/tongnan-xinfang-2022-budget.txt) audited in process: $per_seed s per audit.
- $pdf_line.

Targets (issue 6): ≥ 50 MB/s on one core, within 10× of read-and-decode, near 2× on two cores, every injected defect
found; a 30-page PDF in ≤ 0.5 s.
MD
  write_section audit "$work/section-audit.md"
}
