#!/usr/bin/env python3
# Start-up in a bare pseudo-terminal, for `npm run bench` (scripts/bench/bench.mjs).
#
# Logic:
# 1. Each command runs in a new pseudo-terminal of its own (pty.fork: a new
#    session whose controlling terminal is the pty), sized cols x rows before
#    exec, with the environment given (the caller unsets CI: the reader would
#    print instead of drawing). No terminal emulator and no multiplexer is
#    started: nothing but the program's own start is in the figure (tmux's
#    own start, about 170 ms, used to be added to both sides of the ratio).
# 2. The clock starts just before the fork and stops when the bytes read from
#    the pty so far match the command's pattern (a regular expression over
#    raw bytes): for the reader the footer of the first frame, for the
#    reference a marker it prints. Keys, when given, are written to the pty
#    right after the fork; they wait in its input queue until the program
#    reads them, as keys typed at start would.
# 3. Then the command's process group is killed and reaped before the next
#    run, so runs never overlap. A warm-up run of every command comes first;
#    then `rounds` rounds, each running every command once in an order that
#    rotates from round to round.
# 4. The 1-minute load average (os.getloadavg, i.e. /proc/loadavg) is sampled
#    before the warm-up and after every round.
#
# Input (argv[1]): JSON {"rounds": N, "cols": 80, "rows": 24, "timeout": s,
#   "env": {...}, "commands": [{"name", "argv", "pattern", "keys"?}]}.
# Output (stdout): JSON {"times": {name: [ms, ...]}, "loads": [...]}.
# Exit status 1 with a message on stderr when a pattern never shows.

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time


def run_once(command, spec):
    pattern = re.compile(command['pattern'].encode('utf-8'))
    started = time.perf_counter()
    pid, master = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', spec['rows'], spec['cols'], 0, 0))
            os.execvpe(command['argv'][0], command['argv'], spec['env'])
        finally:
            os._exit(127)
    try:
        keys = command.get('keys')
        if keys:
            os.write(master, keys.encode('utf-8'))
        seen = b''
        deadline = started + spec['timeout']
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{command['name']}: no {command['pattern']!r} within {spec['timeout']} s in {seen[-600:]!r}")
            ready, _, _ = select.select([master], [], [], min(left, 1.0))
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every process on the pty has gone
                chunk = b''
            if not chunk:
                raise RuntimeError(f"{command['name']}: exited before {command['pattern']!r} in {seen[-600:]!r}")
            seen += chunk
            if pattern.search(seen):
                return (time.perf_counter() - started) * 1000
    finally:
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(master)
        os.waitpid(pid, 0)


def main():
    spec = json.loads(sys.argv[1])
    spec.setdefault('cols', 80)
    spec.setdefault('rows', 24)
    spec.setdefault('timeout', 30)
    commands = spec['commands']
    times = {c['name']: [] for c in commands}
    loads = [os.getloadavg()[0]]
    try:
        for c in commands:
            run_once(c, spec)  # warm-up
        for r in range(spec['rounds']):
            k = r % len(commands)
            for c in commands[k:] + commands[:k]:
                times[c['name']].append(run_once(c, spec))
            loads.append(os.getloadavg()[0])
    except (TimeoutError, RuntimeError) as error:
        print(f'bench-pty: {error}', file=sys.stderr)
        sys.exit(1)
    json.dump({'times': times, 'loads': loads}, sys.stdout)


if __name__ == '__main__':
    main()
