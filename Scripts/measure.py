#!/usr/bin/env python3
"""Wall time and peak memory of a command, as Scripts/bench.sh tabulates them.

usage: measure.py RUNS COMMAND [ARGS...]
Runs COMMAND RUNS times (standard output and error to /dev/null) and prints
`seconds=S peak_mb=M status=X`: the median wall time, the largest peak resident
set (getrusage of the child, ru_maxrss) and the last exit status. A command
that is not installed prints `seconds= peak_mb= status=missing`.
"""
import os, shutil, statistics, subprocess, sys, time

def main():
    runs, command = int(sys.argv[1]), sys.argv[2:]
    if shutil.which(command[0]) is None:
        print("seconds= peak_mb= status=missing")
        return
    times, peaks, status = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        _, raw, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
        status = os.waitstatus_to_exitcode(raw)
    print(f"seconds={statistics.median(times):.3f} peak_mb={max(peaks):.1f} status={status}")

if __name__ == "__main__":
    main()
