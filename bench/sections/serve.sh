# Section "serve" of bench/run, sourced: `yusuan serve` (release, a fresh SQLite store holding the bundled
# example) against nginx serving the same bytes as static files. wrk on loopback, 64 connections, 2 threads,
# YUSUAN_BENCH_SECONDS (default 10) per run: a disclosure page (/versions/ID) and a budget's JSON
# (/api/v1/versions/ID/disclosure). Requests/s, p99 latency, peak RSS of the server during the runs. Each pair
# is measured like for like: with no request log on either side (yusuan --log-level notice, nginx access_log
# off), then with one (yusuan's default, a line per request; nginx's access_log to a file). Then both with one
# thread answering connections (yusuan --event-loops 1, nginx worker_processes 1), no request log: wrk's two
# threads and the server's then fit the two cores with less waiting for a core. Last, apart: each one-thread server
# pinned to one core (taskset) and wrk with one thread pinned to the other, as when the clients are not on the
# server's machine: the server never waits for wrk's threads.
serve_section() {
  need_tool serve wrk wrk && need_tool serve nginx nginx || return 0
  local seconds=${YUSUAN_BENCH_SECONDS:-10}
  local machine; machine=$(machine_line)  # the load average at the start, not after the runs
  local dir="$work/serve"; rm -rf "$dir"; mkdir -p "$dir/static"
  local port nport lport nlport oport noport pport npport
  free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
  port=$(free_port); nport=$(free_port); lport=$(free_port); nlport=$(free_port); oport=$(free_port); noport=$(free_port)
  pport=$(free_port); npport=$(free_port)
  # Pinned rows only where there are two cores to split and taskset to split them.
  local pinned=""
  if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pinned=yes; fi
  echo "== serve: yusuan serve on 127.0.0.1:$port (request log on: $lport), nginx on 127.0.0.1:$nport (access log on: $nlport)"
  "$yusuan" serve --host 127.0.0.1 --port "$port" --database "$dir/yusuan.db" --log-level notice > "$dir/serve.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/api/v1/departments" > "$dir/departments.json" 2>/dev/null && break; sleep 0.5; done
  # The same store, read by a second server that logs every request (started once the first has loaded it).
  "$yusuan" serve --host 127.0.0.1 --port "$lport" --database "$dir/yusuan.db" > "$dir/serve-logged.log" 2>&1 &
  local logged=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$lport/api/v1/departments" > /dev/null 2>&1 && break; sleep 0.5; done
  # And a third with one event loop.
  "$yusuan" serve --host 127.0.0.1 --port "$oport" --database "$dir/yusuan.db" --log-level notice --event-loops 1 > "$dir/serve-one.log" 2>&1 &
  local one=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$oport/api/v1/departments" > /dev/null 2>&1 && break; sleep 0.5; done
  # And a fourth with one event loop, on core 1 only.
  local pinned_server=""
  if [ -n "$pinned" ]; then
    taskset -c 1 "$yusuan" serve --host 127.0.0.1 --port "$pport" --database "$dir/yusuan.db" --log-level notice --event-loops 1 > "$dir/serve-pinned.log" 2>&1 &
    pinned_server=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$pport/api/v1/departments" > /dev/null 2>&1 && break; sleep 0.5; done
  fi
  local code id
  code=$(python3 -c "import json,sys; d=json.load(open('$dir/departments.json')); d=d.get('departments', d) if isinstance(d, dict) else d; print(d[0]['code'])")
  curl -sf "http://127.0.0.1:$port/api/v1/departments/$code/versions" > "$dir/versions.json"
  id=$(python3 -c "import json; d=json.load(open('$dir/versions.json')); d=d.get('versions', d) if isinstance(d, dict) else d; print(d[0]['id'])")
  local page="/versions/$id" json="/api/v1/versions/$id/disclosure"
  curl -sf "http://127.0.0.1:$port$page" > "$dir/static/page.html"
  curl -sf "http://127.0.0.1:$port$json" > "$dir/static/disclosure.json"
  cat > "$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; application/json json; }
  server {
    listen 127.0.0.1:$nport;
    root $dir/static;
  }
  server {
    listen 127.0.0.1:$nlport;
    root $dir/static;
    access_log $dir/nginx-access.log;
  }
}
CONF
  nginx -c "$dir/nginx.conf" -g 'daemon off;' &
  local nginx_pid=$!
  cat > "$dir/nginx-one.conf" <<CONF
worker_processes 1;
pid $dir/nginx-one.pid;
error_log $dir/nginx-one-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; application/json json; }
  server {
    listen 127.0.0.1:$noport;
    root $dir/static;
  }
}
CONF
  nginx -c "$dir/nginx-one.conf" -g 'daemon off;' &
  local nginx_one=$!
  local nginx_pinned=""
  if [ -n "$pinned" ]; then
    sed -e "s|$dir/nginx-one.pid|$dir/nginx-pinned.pid|" -e "s|$dir/nginx-one-error.log|$dir/nginx-pinned-error.log|" \
      -e "s|127.0.0.1:$noport|127.0.0.1:$npport|" "$dir/nginx-one.conf" > "$dir/nginx-pinned.conf"
    taskset -c 1 nginx -c "$dir/nginx-pinned.conf" -g 'daemon off;' &
    nginx_pinned=$!
  fi
  sleep 1
  # load NAME URL PIDS...: RUNS wrk runs; median requests/s and p99 (ms), peak summed RSS (MiB) of PIDS and their children.
  declare -gA rps p99 peak
  load() {
    local name=$1 url=$2; shift 2
    local rates=() tails=() top=0 sampler
    for _ in $(seq 1 "$runs"); do
      ( while :; do
          local sum=0 p
          for p in "$@" $(pgrep -P "$(echo "$@" | tr ' ' ',')" 2>/dev/null); do
            sum=$((sum + $(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)))
          done
          echo "$sum"; sleep 0.2
        done ) > "$dir/$name.rss" &
      sampler=$!
      ${wrk_prefix:-} wrk -t"${wrk_threads:-2}" -c64 -d"${seconds}s" --latency "$url" > "$dir/$name.wrk" 2>&1
      kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
      rates+=("$(awk '/Requests\/sec/ {print $2}' "$dir/$name.wrk")")
      tails+=("$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' "$dir/$name.wrk")")
      top=$(sort -n "$dir/$name.rss" | tail -1 | awk -v t="$top" '{print ($1 > t ? $1 : t)}')
      grep -q "Non-2xx" "$dir/$name.wrk" && echo "$name: some responses were not 2xx" && grep "Non-2xx" "$dir/$name.wrk"
    done
    rps[$name]=$(printf '%s\n' "${rates[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    p99[$name]=$(printf '%s\n' "${tails[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    peak[$name]=$((top / 1024))
    printf '%-16s %10s req/s  p99 %8s ms  peak RSS %5s MiB\n' "$name" "${rps[$name]}" "${p99[$name]}" "${peak[$name]}"
  }
  load page-yusuan "http://127.0.0.1:$port$page" "$server"
  load page-nginx "http://127.0.0.1:$nport/page.html" "$nginx_pid"
  load json-yusuan "http://127.0.0.1:$port$json" "$server"
  load json-nginx "http://127.0.0.1:$nport/disclosure.json" "$nginx_pid"
  load page-yusuan-log "http://127.0.0.1:$lport$page" "$logged"
  load page-nginx-log "http://127.0.0.1:$nlport/page.html" "$nginx_pid"
  load json-yusuan-log "http://127.0.0.1:$lport$json" "$logged"
  load json-nginx-log "http://127.0.0.1:$nlport/disclosure.json" "$nginx_pid"
  load page-yusuan-one "http://127.0.0.1:$oport$page" "$one"
  load page-nginx-one "http://127.0.0.1:$noport/page.html" "$nginx_one"
  load json-yusuan-one "http://127.0.0.1:$oport$json" "$one"
  load json-nginx-one "http://127.0.0.1:$noport/disclosure.json" "$nginx_one"
  local pinned_rows=""
  if [ -n "$pinned" ]; then
    wrk_prefix="taskset -c 0" wrk_threads=1 load page-yusuan-pinned "http://127.0.0.1:$pport$page" "$pinned_server"
    wrk_prefix="taskset -c 0" wrk_threads=1 load page-nginx-pinned "http://127.0.0.1:$npport/page.html" "$nginx_pinned"
    wrk_prefix="taskset -c 0" wrk_threads=1 load json-yusuan-pinned "http://127.0.0.1:$pport$json" "$pinned_server"
    wrk_prefix="taskset -c 0" wrk_threads=1 load json-nginx-pinned "http://127.0.0.1:$npport/disclosure.json" "$nginx_pinned"
  fi
  kill "$server" "$logged" "$one" "$nginx_pid" "$nginx_one" $pinned_server $nginx_pinned 2>/dev/null
  wait "$server" "$logged" "$one" "$nginx_pid" "$nginx_one" $pinned_server $nginx_pinned 2>/dev/null || true
  local page_kb json_kb
  page_kb=$(python3 -c "import os; print(f'{os.path.getsize(\"$dir/static/page.html\")/1024:.0f}')")
  json_kb=$(python3 -c "import os; print(f'{os.path.getsize(\"$dir/static/disclosure.json\")/1024:.0f}')")
  if [ -n "$pinned" ]; then
    pinned_rows="| disclosure page, server on core 1, \`wrk -t1\` on core 0 (one thread each, \`taskset\`) | off | ${page_kb} KiB | ${rps[page-yusuan-pinned]} | ${rps[page-nginx-pinned]} | $(ratio "${rps[page-yusuan-pinned]}" "${rps[page-nginx-pinned]}") | ${p99[page-yusuan-pinned]} | ${p99[page-nginx-pinned]} | ${peak[page-yusuan-pinned]} | ${peak[page-nginx-pinned]} |
| budget JSON, server on core 1, \`wrk -t1\` on core 0 | off | ${json_kb} KiB | ${rps[json-yusuan-pinned]} | ${rps[json-nginx-pinned]} | $(ratio "${rps[json-yusuan-pinned]}" "${rps[json-nginx-pinned]}") | ${p99[json-yusuan-pinned]} | ${p99[json-nginx-pinned]} | ${peak[json-yusuan-pinned]} | ${peak[json-nginx-pinned]} |"
  fi
  cat > "$work/section-serve.md" <<MD
## 4. Serve

Measured by \`bench/run $runs --only serve\` on $machine. \`wrk -t2 -c64 -d${seconds}s --latency\` on loopback, median of
$runs runs; the server and wrk share the 2 cores. \`yusuan serve\` (release, a fresh SQLite store with the bundled example)
against nginx $(nginx -v 2>&1 | sed 's/.*\///') (\`worker_processes auto\`) serving the bytes \`yusuan serve\` sent as static files. Each pair is
measured twice, like for like: without a request log (\`yusuan serve --log-level notice\`; nginx \`access_log off\`), then
with one (yusuan's default, a line per request on standard error, here a file; nginx's \`access_log\` to a file).
Peak RSS: the server's resident set (nginx: master and workers) sampled every 0.2 s under load.

| what | request log | bytes | yusuan req/s | nginx req/s | ratio | yusuan p99 ms | nginx p99 ms | yusuan RSS MiB | nginx RSS MiB |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|
| disclosure page \`$page\` | off | ${page_kb} KiB | ${rps[page-yusuan]} | ${rps[page-nginx]} | $(ratio "${rps[page-yusuan]}" "${rps[page-nginx]}") | ${p99[page-yusuan]} | ${p99[page-nginx]} | ${peak[page-yusuan]} | ${peak[page-nginx]} |
| budget JSON \`$json\` | off | ${json_kb} KiB | ${rps[json-yusuan]} | ${rps[json-nginx]} | $(ratio "${rps[json-yusuan]}" "${rps[json-nginx]}") | ${p99[json-yusuan]} | ${p99[json-nginx]} | ${peak[json-yusuan]} | ${peak[json-nginx]} |
| disclosure page | on | ${page_kb} KiB | ${rps[page-yusuan-log]} | ${rps[page-nginx-log]} | $(ratio "${rps[page-yusuan-log]}" "${rps[page-nginx-log]}") | ${p99[page-yusuan-log]} | ${p99[page-nginx-log]} | ${peak[page-yusuan-log]} | ${peak[page-nginx-log]} |
| budget JSON | on | ${json_kb} KiB | ${rps[json-yusuan-log]} | ${rps[json-nginx-log]} | $(ratio "${rps[json-yusuan-log]}" "${rps[json-nginx-log]}") | ${p99[json-yusuan-log]} | ${p99[json-nginx-log]} | ${peak[json-yusuan-log]} | ${peak[json-nginx-log]} |
| disclosure page, one thread each (\`--event-loops 1\`, \`worker_processes 1\`) | off | ${page_kb} KiB | ${rps[page-yusuan-one]} | ${rps[page-nginx-one]} | $(ratio "${rps[page-yusuan-one]}" "${rps[page-nginx-one]}") | ${p99[page-yusuan-one]} | ${p99[page-nginx-one]} | ${peak[page-yusuan-one]} | ${peak[page-nginx-one]} |
| budget JSON, one thread each | off | ${json_kb} KiB | ${rps[json-yusuan-one]} | ${rps[json-nginx-one]} | $(ratio "${rps[json-yusuan-one]}" "${rps[json-nginx-one]}") | ${p99[json-yusuan-one]} | ${p99[json-nginx-one]} | ${peak[json-yusuan-one]} | ${peak[json-nginx-one]} |
$pinned_rows

Targets (issue 6): at least half of nginx's requests per second (ratio ≥ 0.5) and p99 under 10 ms at 64 connections.
MD
  write_section serve "$work/section-serve.md"
}
