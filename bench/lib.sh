# Shared by bench/run's sections (sourced): timing with peak memory, medians, and writing one section of
# docs/benchmarks.md between its markers, so that `bench/run --only NAME` leaves the other sections alone.

# measure NAME COMMAND...: RUNS runs of COMMAND (output to $work/NAME.log); sets median/min/max wall seconds,
# cpu (median user+system seconds: steadier than wall time on a shared machine) and rss (largest peak
# resident set, MiB) for NAME, and prints one line. An exit status other than those in $accept (default 0) is
# reported as a failure (`yusuan audit` exits 1 when it finds errors: its sections accept "0 1").
declare -A median minimum maximum rss cpu
measure() {
  local name=$1
  for _ in $(seq 1 "$runs"); do sample "$@"; done
  summarize "$name"
}

# sample NAME COMMAND...: one run of COMMAND, noted for NAME (its wall and CPU seconds, its peak RSS). A section that
# compares programs samples them in turn, one run of each per round, so that a slow or fast spell of a shared
# machine falls on all of them alike instead of on one program's runs (`summarize` then gives each its figures).
declare -A sampled_walls sampled_cpus sampled_peak
sample() {
  local name=$1; shift
  local status=0 wall kb user system
  /usr/bin/time -f "%e %M %U %S" -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1 || status=$?
  if [[ " ${accept:-0} " != *" $status "* ]]; then
    echo "$name failed (exit $status): see $work/$name.log" >&2; tail -5 "$work/$name.log" >&2
  fi
  read -r wall kb user system < <(tail -1 "$work/$name.time")
  sampled_walls[$name]+="$wall "
  sampled_cpus[$name]+="$(python3 -c "print(f'{$user + $system:.2f}')") "
  [ "$kb" -gt "${sampled_peak[$name]:-0}" ] && sampled_peak[$name]=$kb
  return 0
}

# summarize NAME...: for each NAME, the figures of its samples (median, min, max, CPU, RSS) set and printed, the
# samples cleared.
summarize() {
  local name
  for name in "$@"; do
    read -r median[$name] minimum[$name] maximum[$name] < <(printf '%s\n' ${sampled_walls[$name]} | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1], a[NR]}')
    cpu[$name]=$(printf '%s\n' ${sampled_cpus[$name]} | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    rss[$name]=$(( ${sampled_peak[$name]:-0} / 1024 ))
    unset "sampled_walls[$name]" "sampled_cpus[$name]" "sampled_peak[$name]"
    printf '%-28s median %9.3f s  min %9.3f  max %9.3f  cpu %9.2f s  peak RSS %6d MiB\n' "$name" "${median[$name]}" "${minimum[$name]}" "${maximum[$name]}" "${cpu[$name]}" "${rss[$name]}"
  done
}

# need_tool SECTION WHAT PACKAGE: WHAT (a command, or a file when it starts with /) present or installed from Debian's
# PACKAGE (scripts/lib/packages.sh); returns 1 with a message naming the package when still missing.
source scripts/lib/packages.sh
need_tool() { need_package "$1" "$2" "$3" "for bench/run's $1 section"; }

# ratio A B: A / B with two decimals.
ratio() { python3 -c "print(f'{float($1)/float($2):.2f}')"; }

# write_section NAME FILE: puts FILE's text into docs/benchmarks.md between <!-- section:NAME --> and
# <!-- /section:NAME --> (appended when the markers are absent), followed by a link to the section's history. The
# text it replaces (the last run's figures and whatever was written under them) is not lost: it goes to the top of the
# section of the same title in docs/benchmarks-history.md (a new section at its end when there is none), under a line
# that says when it was replaced; paragraphs of standing analysis (a bold heading ending in "lead)") stay, after FILE's text.
write_section() {
  python3 - "$1" "$2" docs/benchmarks.md docs/benchmarks-history.md "$(date -u +%Y-%m-%d)" <<'PY'
import re, sys
name, body_path, doc_path, history_path, today = sys.argv[1:]
body = open(body_path).read().rstrip("\n")
try:
    doc = open(doc_path).read()
except FileNotFoundError:
    doc = "# Benchmarks\n"
start, end = f"<!-- section:{name} -->", f"<!-- /section:{name} -->"
title = body.split("\n", 1)[0]
anchor = re.sub(r"[^\w\- ]", "", title.lstrip("#").strip().lower()).replace(" ", "-")
link = ("Earlier stops' runs of this section and every round of work on it, with what each measured and what was "
        f"tried and not taken: [the history](benchmarks-history.md#{anchor}).")
found = re.search(re.escape(start) + r"\n(.*?)" + re.escape(end), doc, flags=re.S)
kept, replaced = [], ""
if found:
    # The replaced text without its title and the link. Standing analysis (a paragraph whose bold heading ends in
    # "lead)", as "(stop 27, lead)." or "(lead):") stays, under the new figures; the rest (the figures and what was said
    # of that run) goes to the top of its section of the history.
    old_title, _, old_rest = found.group(1).strip("\n").partition("\n")
    old_rest = re.sub(r"\n*Earlier stops' runs of this section.*?\)\.\s*$", "", old_rest.strip("\n"), flags=re.S)
    lead = re.compile(r"^\*\*[^*\n]*\blead\)")
    paragraphs = re.split(r"\n\s*\n", old_rest.strip("\n"))
    kept = [p for p in paragraphs if lead.match(p)]
    replaced = "\n\n".join(p for p in paragraphs if not lead.match(p)).strip()
block = f"{start}\n" + "\n\n".join([body, *kept, link]) + f"\n{end}"
if found:
    doc = doc[:found.start()] + block + doc[found.end():]
    if replaced:
        entry = f"**Replaced on {today} by a new run of `bench/run`: the section as it stood.**\n\n{replaced}"
        try:
            history = open(history_path).read()
        except FileNotFoundError:
            history = "# Benchmarks: the history\n"
        heading = old_title if old_title.startswith("## ") else title
        at = history.find("\n" + heading + "\n")
        if at >= 0:
            at += len(heading) + 2
            history = history[:at] + "\n" + entry + "\n" + history[at:]
        else:
            history = history.rstrip("\n") + "\n\n" + heading + "\n\n" + entry + "\n"
        open(history_path, "w").write(history)
else:
    doc = doc.rstrip("\n") + "\n\n" + block + "\n"
open(doc_path, "w").write(doc)
PY
}

machine_line() {
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(swift --version 2>/dev/null | head -1); load average at start $(cut -d' ' -f1-3 /proc/loadavg) (a machine shared with other work)"
}
