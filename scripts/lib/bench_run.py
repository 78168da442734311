"""Drives the load for scripts/bench and prints the results table.

    python bench_run.py BASE_URL SERVER_PID PSQL DATABASE_URL DATASET_ENV RESULTS_MD

Each wrk measurement is preceded by a warm-up of the same shape. Auto-assignment and scheduling are single
requests, timed five times each on the same data (their results are deleted between runs).
"""
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import requests

base, server_pid, psql, database_url, dataset_env, results_md = sys.argv[1:7]
env = dict(line.strip().split("=", 1) for line in open(dataset_env) if "=" in line)
duration, warmup = os.environ["BENCH_DURATION"], os.environ["BENCH_WARMUP"]
connections, threads = int(os.environ["BENCH_CONNECTIONS"]), int(os.environ["BENCH_THREADS"])
script = os.path.join(os.path.dirname(__file__), "bench.lua")
main, cfp = "/v1/conferences/bench-main", "/v1/conferences/bench-cfp"
organizer = "bench-organizer"
rows = []
# BENCH_ONLY=text measures only the endpoints whose label contains it.
only = os.environ.get("BENCH_ONLY", "")


def sql(query):
    return subprocess.run([psql, database_url, "-At", "-c", query], check=True, capture_output=True, text=True).stdout.strip()


def proc_status(field):
    with open(f"/proc/{server_pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024  # kB → MiB
    return 0.0


def cpu_seconds():
    with open(f"/proc/{server_pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(path, length, *args):
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", length, "--timeout", "10s", "-s", script,
               f"{base}{path}", "--", *args]
    run = subprocess.run(command, capture_output=True, text=True)
    line = next((l for l in run.stdout.splitlines() if l.startswith("BENCH ")), None)
    if run.returncode != 0 or line is None:
        sys.exit(f"bench: {' '.join(command)} failed:\n{run.stdout}{run.stderr}")
    return json.loads(line[len("BENCH "):])


def measure(label, path, *args, next_args=None):
    """Warm-up, then the measured run; `next_args(result)` gives the measured run's arguments after the warm-up."""
    if only not in label:
        return
    warm = wrk(path, warmup, *args)
    if next_args:
        args = next_args(warm)
    cpu_before = cpu_seconds()
    r = wrk(path, duration, *args)
    seconds = r["duration_us"] / 1e6
    rows.append({
        "endpoint": label, "connections": connections, "rps": r["requests"] / seconds,
        "p50": r["p50_us"] / 1000, "p99": r["p99_us"] / 1000, "errors": r["errors"],
        "cpu": (cpu_seconds() - cpu_before) / seconds * 100})
    print(f"    {label}: {rows[-1]['rps']:,.0f} requests/s, p50 {rows[-1]['p50']:.1f} ms, p99 {rows[-1]['p99']:.1f} ms, "
          f"{r['errors']} errors", flush=True)
    return r


def timed(label, method, path, reset):
    """Five runs of one request on the same data; reports the median and the slowest."""
    if only not in label:
        return
    times = []
    for _ in range(5):
        sql(reset)
        started = time.perf_counter()
        reply = requests.request(method, f"{base}{path}", headers={"Authorization": f"Bearer {organizer}"}, json={},
                                 timeout=120)
        times.append((time.perf_counter() - started) * 1000)
        if reply.status_code != 200:
            sys.exit(f"bench: {method} {path} answered {reply.status_code}: {reply.text[:300]}")
    detail = reply.json()
    rows.append({"endpoint": label, "connections": 1, "rps": 1000 / statistics.median(times),
                 "p50": statistics.median(times), "p99": max(times), "errors": 0, "cpu": None})
    print(f"    {label}: median {statistics.median(times):.0f} ms, slowest {max(times):.0f} ms "
          f"({detail.get('created', detail.get('placed'))} placed)", flush=True)


size_before = int(sql("SELECT pg_database_size(current_database())"))
etag = requests.get(f"{base}{main}/program", timeout=30).headers["ETag"]
program_bytes = len(requests.get(f"{base}{main}/program", timeout=30).content)

measure("GET /program (public)", f"{main}/program", "get", "-")
measure("GET /program, If-None-Match (304)", f"{main}/program", "get", "-", f"If-None-Match: {etag}")
measure("GET /program.ics", f"{main}/program.ics", "get", "-")
measure("GET /submissions?limit=50 (organizer)", f"{main}/submissions?limit=50", "get", organizer)
measure("GET /submissions/{id} (organizer)", f"{main}/submissions/{env['BENCH_SUBMISSION_ID']}", "get", organizer)
measure("GET /submissions?q=pairs santé&limit=50", f"{main}/submissions?q=pairs%20sant%C3%A9&limit=50", "get", organizer)
measure("POST /submissions (author, 3 authors)", f"{cfp}/submissions", "submission", "1", "3000", env["BENCH_CFP_TOPIC_ID"])
stride = str(threads)
# Each attendee registers once: start after the last one a previous run (or the warm-up) used.
first = 1 + int(sql("SELECT coalesce(max(substring(email FROM '^load-([0-9]+)@')::int), 0) FROM registrations"))
measure("POST /registrations (attendee)", f"{main}/registrations", "registration", str(first), stride, env["BENCH_CATEGORY_IDS"],
        next_args=lambda warm: ["registration", str(first + threads * warm["requests"] + 1000), stride, env["BENCH_CATEGORY_IDS"]])
timed("POST /auto-assignments (1,000 x 50)", "POST", "/v1/conferences/bench-assign/auto-assignments",
      "DELETE FROM assignments WHERE conference_id = (SELECT id FROM conferences WHERE slug = 'bench-assign')")
timed("POST /program/schedule (300 talks)", "POST", "/v1/conferences/bench-schedule/program/schedule",
      "DELETE FROM talks WHERE conference_id = (SELECT id FROM conferences WHERE slug = 'bench-schedule')")

rss, peak = proc_status("VmRSS"), proc_status("VmHWM")
size_after = int(sql("SELECT pg_database_size(current_database())"))
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()
memory = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal:")) / 1024 / 1024
cpu_model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())

header = f"| {'endpoint':<42} | conns | {'requests/s':>10} | {'p50 ms':>7} | {'p99 ms':>7} | errors | server CPU |"
rule = "|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|"
lines = [header, rule]
for r in rows:
    cpu = f"{r['cpu']:.0f} %" if r["cpu"] is not None else "-"
    lines.append(f"| {r['endpoint']:<42} | {r['connections']:>5} | {r['rps']:>10,.1f} | {r['p50']:>7.1f} | {r['p99']:>7.1f} "
                 f"| {r['errors']:>6} | {cpu:>10} |")
summary = [
    f"- Server RSS at the end: {rss:.0f} MiB; peak (VmHWM): {peak:.0f} MiB",
    f"- Database size: {size_before / 2**20:.0f} MiB after loading, {size_after / 2**20:.0f} MiB after the run",
    f"- Published program: {program_bytes / 1024:.0f} KiB of JSON (300 talks)",
    f"- Machine: {os.cpu_count()} cores ({cpu_model}), {memory:.1f} GiB; wrk -t{threads} -c{connections}, "
    f"{duration} per endpoint after {warmup} of warm-up, on the same machine",
    f"- Commit: {commit}{' (with uncommitted changes)' if dirty else ''}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
    "- Auto-assignment and scheduling: one request at a time, five runs; p50 is the median, p99 the slowest.",
]
print()
print("\n".join(lines + [""] + summary))
with open(results_md, "w") as out:
    out.write("\n".join(lines + [""] + summary) + "\n")
