#!/usr/bin/python3
"""make bench's report: read DIR/bench.csv (rig/bench.sh), write DIR/bench.md
and DIR/bench.png, and print the ratios of issue 10 (P1 to P3).

Each figure is the mean over the boots of a list.  The cost of a case is
collect + reset per iteration: KVM_GET_DIRTY_LOG (+ KVM_CLEAR_DIRTY_LOG) for
the bitmap modes, harvesting + KVM_RESET_DIRTY_RINGS for the ring.
"""
import csv
import os
import platform
import shutil
import subprocess
import sys
from collections import defaultdict

CLOCK = {"bench": "instructions (-icount)", "bench-smp": "wall clock",
         "bench-smoke": "wall clock"}


def load(path):
    runs = defaultdict(list)
    for row in csv.DictReader(open(path)):
        for k in ("vcpus", "mem_mib", "pages", "collect_ns", "reset_ns",
                  "pages_per_s", "full_exits", "resets", "locks", "flushes"):
            row[k] = int(row[k])
        runs[(row["list"], row["case"], row["kernel"])].append(row)
    cases = {}
    for key, rows in runs.items():
        mean = lambda k: sum(r[k] for r in rows) / len(rows)
        costs = [r["collect_ns"] + r["reset_ns"] for r in rows]
        cost = sum(costs) / len(costs)
        cases[key] = {
            "mode": rows[0]["mode"], "vcpus": rows[0]["vcpus"],
            "mem_mib": rows[0]["mem_mib"], "pages": mean("pages"),
            "cost": cost, "pages_per_s": mean("pages_per_s"),
            "resets": mean("resets"), "full_exits": mean("full_exits"),
            # mmu_lock acquisitions and TLB flushes per reset; None if not counted.
            "locks": mean("locks") / mean("resets") if mean("resets") and rows[0]["locks"] >= 0 else None,
            "flushes": mean("flushes") / mean("resets") if mean("resets") and rows[0]["flushes"] >= 0 else None,
            "spread": (max(costs) - min(costs)) / cost if cost else 0,
            "boots": len(rows),
        }
    return cases


def per_page(c):
    return c["cost"] / c["pages"] if c and c["pages"] else None


def fmt(v, spec="{:.0f}"):
    return "-" if v is None else spec.format(v)


def ratio(a, b):
    return a / b if a is not None and b else None


def table(cases, lst):
    names = list_order[lst]
    out = [f"### tests/{lst}.list ({CLOCK.get(lst, 'wall clock')})", "",
           "| case | vCPUs | memory | pages/iter | collect+reset µs, ours | stock | ours/stock "
           "| ns/page, ours | stock | pages/s, ours | stock | resets/iter | locks/reset | flushes/reset | spread |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for c in names:
        o, s = cases.get((lst, c, "ours")), cases.get((lst, c, "stock"))
        base = o or s
        mem = base["mem_mib"]
        out.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            c, base["vcpus"], f"{mem // 1024} GiB" if mem >= 1024 else f"{mem} MiB",
            fmt(base["pages"]), fmt(o and o["cost"] / 1000, "{:.1f}"),
            fmt(s and s["cost"] / 1000, "{:.1f}"),
            fmt(ratio(o and o["cost"], s and s["cost"]), "{:.2f}"),
            fmt(per_page(o), "{:.0f}"), fmt(per_page(s), "{:.0f}"),
            fmt(o and o["pages_per_s"]), fmt(s and s["pages_per_s"]),
            fmt(o and o["resets"], "{:.1f}"),
            fmt(o and o["locks"], "{:.2f}"), fmt(o and o["flushes"], "{:.2f}"),
            fmt(o and o["spread"] * 100, "{:.1f} %")))
    return out


def ratios(cases):
    lines = []

    def cost(case, k="ours", lst="bench"):
        c = cases.get((lst, case, k))
        return c and c["cost"]

    def line(name, value, target, clock):
        lines.append(f"{name}: {fmt(value, '{:.3f}')} (target {target}; {clock})")

    icount = CLOCK["bench"]
    if cost("p1.ring.1g") is not None:
        line("P1 ring 64 GiB / 1 GiB, ours", ratio(cost("p1.ring.64g"), cost("p1.ring.1g")),
             "<= 1.1", icount)
        line("P1 ring 64 GiB / 1 GiB, stock",
             ratio(cost("p1.ring.64g", "stock"), cost("p1.ring.1g", "stock")), "-", icount)
        for size, target in (("64g", "<= 0.05"), ("1g", "<= 1.0")):
            for bm in ("bitmap", "clear-log"):
                for k in ("ours", "stock"):
                    line(f"P1 ring / {bm} at {size[:-1]} GiB, {k}",
                         ratio(cost(f"p1.ring.{size}", k), cost(f"p1.{bm}.{size}", k)),
                         target if k == "ours" else "-", icount)
    for v in ("v1", "v2", "v4"):
        for ring in ("ring", "ring-full", "ring-wait"):
            for bm in ("bitmap", "clear-log"):
                o = cases.get(("bench-smp", f"p2.{ring}.{v}", "ours"))
                b = cases.get(("bench-smp", f"p2.{bm}.{v}", "ours"))
                if o and b:
                    line(f"P2 pages/s {ring} / {bm}, {v[1:]} vCPUs, ours",
                         ratio(o["pages_per_s"], b["pages_per_s"]),
                         ">= 1" if v == "v4" and bm == "bitmap" else "-", CLOCK["bench-smp"])
    for size in ("1g", "4g", "16g", "64g"):
        o, s = cases.get(("bench", f"p1.ring.{size}", "ours")), cases.get(("bench", f"p1.ring.{size}", "stock"))
        if o and s:
            line(f"P3 ring cost per page, ours / stock, {size[:-1]} GiB",
                 ratio(per_page(o), per_page(s)), "<= 0.7", icount)
    # Not ring-full: its few resets' cost is mostly their wait for slots_lock.
    for v in ("v1", "v4"):
        o, s = cases.get(("bench-smp", f"p2.ring.{v}", "ours")), cases.get(("bench-smp", f"p2.ring.{v}", "stock"))
        if o and s:
            line(f"P3 ring cost per page, ours / stock, {v[1:]} vCPUs at a high dirty rate",
                 ratio(per_page(o), per_page(s)), "<= 0.7", CLOCK["bench-smp"])
    for case, lst, rings in (("p1.ring.1g", "bench", 1), ("p1.ring.64g", "bench", 1),
                             ("p2.ring.v4", "bench-smp", 4), ("p2.ring-wait.v4", "bench-smp", 4)):
        o = cases.get((lst, case, "ours"))
        if o and o["locks"] is not None:
            line(f"P4 mmu_lock acquisitions per reset, {case}", o["locks"],
                 f"<= {rings} (one per ring)", "counted")
            line(f"P4 TLB flushes per reset, {case}", o["flushes"], "<= 1", "counted")
    return lines


def plot(cases, outdir):
    series = [(m, k) for m in ("bitmap", "clear-log", "ring") for k in ("ours", "stock")]
    sizes = ("1g", "4g", "16g", "64g")
    blocks = []
    for m, k in series:
        pts = [(int(s[:-1]), cases[("bench", f"p1.{m}.{s}", k)]["cost"] / 1000)
               for s in sizes if ("bench", f"p1.{m}.{s}", k) in cases]
        if pts:
            blocks.append((f"{m}, {k}", pts))
    if not blocks or not shutil.which("gnuplot"):
        return None
    png = os.path.join(outdir, "bench.png")
    script = ["set terminal pngcairo size 800,500",
              f"set output '{png}'",
              "set title 'Collect + reset of 4,096 dirty pages (one vCPU, -icount clock)'",
              "set xlabel 'memslot size (GiB)'", "set ylabel 'µs per iteration'",
              "set logscale xy 2", "set key left top", "set grid"]
    plots = []
    for i, (title, pts) in enumerate(blocks):
        script.append(f"$d{i} << EOD")
        script += [f"{x} {y:.1f}" for x, y in pts]
        script.append("EOD")
        dash = "dt 2" if title.endswith("stock") else "dt 1"
        plots.append(f"$d{i} using 1:2 with linespoints lw 2 {dash} title '{title}'")
    script.append("plot " + ", ".join(plots))
    subprocess.run(["gnuplot"], input="\n".join(script), text=True, check=True)
    return png


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    qemu = subprocess.run(["qemu-system-x86_64", "--version"], capture_output=True,
                          text=True).stdout.splitlines()[0]
    return f"{platform.node()}: {os.cpu_count()} x {cpu}, {qemu}"


outdir = sys.argv[1]
cases = load(os.path.join(outdir, "bench.csv"))
list_order = defaultdict(list)
for row in csv.DictReader(open(os.path.join(outdir, "bench.csv"))):
    if row["case"] not in list_order[row["list"]]:
        list_order[row["list"]].append(row["case"])
md = ["# make bench", "", f"Machine: {machine()}.", "",
      "Each figure is the mean over the boots of the list (spread: (max - min) / mean of "
      "the cost, ours).  Cost: collect + reset per iteration, after the first iteration; "
      "with several vCPUs, the ring's is the sum over its collector threads, each reset's "
      "wait for slots_lock included, so compare pages/s across modes there.", ""]
for lst in list_order:
    md += table(cases, lst) + [""]
rat = ratios(cases)
md += ["## Ratios", ""] + [f"- {r}" for r in rat] + [""]
png = plot(cases, outdir)
if png:
    md += ["![collect + reset against memslot size](bench.png)", ""]
open(os.path.join(outdir, "bench.md"), "w").write("\n".join(md))
print("\n".join(rat))
print(f"rig: bench: {os.path.join(outdir, 'bench.md')}" + (f", plot {png}" if png else ", no plot"))
