#!/usr/bin/env python3
"""Bytes capdash writes to the terminal per keystroke, through a real pty at 120x40.

usage: keystroke_bytes.py CAPDASH SCENARIO
Prints medians over 20 keystrokes each: move_bytes (j), toggle_bytes (l: retain to
leaseback, the facility stays in the kept group) and regroup_bytes (d: retain to divest,
the facility moves to the divested group, off screen, so every kept row below it moves up
a line; the terminal layer has the terminal scroll them).
"""
import fcntl, os, pty, select, signal, statistics, struct, sys, termios, time

def drain(fd, quiet=0.25, limit=10.0):
    """Reads until the program has been quiet for `quiet` seconds."""
    total, start = 0, time.time()
    while time.time() - start < limit:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return total
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return total
        if not chunk:
            return total
        total += len(chunk)
    return total

def main():
    binary, scenario = sys.argv[1], sys.argv[2]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "LANG": "C.UTF-8"})
        os.environ.pop("NO_COLOR", None)
        os.execv(binary, [binary, scenario])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    drain(fd, quiet=1.0, limit=120)  # the first frame
    moves, toggles, regroups = [], [], []
    for _ in range(20):
        os.write(fd, b"j")
        moves.append(drain(fd))
        os.write(fd, b"l")
        toggles.append(drain(fd))
        os.write(fd, b"u")
        drain(fd)
        os.write(fd, b"d")
        regroups.append(drain(fd))
        os.write(fd, b"u")
        drain(fd)
    os.write(fd, b"\x03")
    drain(fd, quiet=0.5)
    os.waitpid(pid, 0)
    print(f"move_bytes={int(statistics.median(moves))} toggle_bytes={int(statistics.median(toggles))} "
          f"regroup_bytes={int(statistics.median(regroups))}")

if __name__ == "__main__":
    main()
