# Runs a command on a pseudo-terminal of its own, as a person's terminal
# would, and reports every byte it wrote there, how it ended, and the
# terminal's modes afterwards. Python (os.openpty) is on every machine; a
# pty needs no server (as tmux does) and gives the bytes exactly.
#
#   python3 test/helpers/pty-run.py  < plan.json  > result.json
#
# plan: {"argv": [...], "env": {...}, "cwd": "...", "cols": 80, "rows": 24,
#        "timeout_ms": 20000, "steps": [step, ...]}
# step: {"wait": "text"}      until the output holds text (after the last wait's match)
#       {"sleep_ms": n}       a moment to act at (the sweep), not a state to wait for
#       {"signal": "SIGTERM"} to the command's process
#       {"keys": "text"}      typed on the terminal
# The steps start once the command is exec'd. After them it waits for the
# command to end (until timeout_ms from the start, then kills it and says so).
#
# result: {"code": n | null, "signal": n | null, "output": base64,
#          "echo": bool, "canonical": bool,   (the line discipline after the end)
#          "timedOut": "what it waited for" | null}
import base64
import fcntl
import json
import os
import select
import signal
import struct
import sys
import termios
import time


def main():
    plan = json.load(sys.stdin)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', plan.get('rows', 24), plan.get('cols', 80), 0, 0))
    # Closed by the exec (Python's pipes are close-on-exec): until then the
    # child is still Python, whose SIGINT handler would swallow a signal.
    execed_r, execed_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(execed_r)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            os.close(master)
            os.close(slave)
            os.chdir(plan.get('cwd', '.'))
            # Python ignores SIGPIPE and catches SIGINT; the command gets the defaults.
            for sig in (signal.SIGINT, signal.SIGPIPE):
                signal.signal(sig, signal.SIG_DFL)
            os.execvpe(plan['argv'][0], plan['argv'], plan.get('env', dict(os.environ)))
        finally:
            os._exit(127)
    os.close(execed_w)
    while os.read(execed_r, 1):
        pass
    os.close(execed_r)

    # The slave stays open here, so its modes can be read after the command ends.
    deadline = time.monotonic() + plan.get('timeout_ms', 20000) / 1000
    output = bytearray()
    status = None
    timed_out = None
    searched = 0

    def pump(seconds):
        """Reads what is there for up to `seconds`; notes the command's end."""
        nonlocal status
        end = time.monotonic() + seconds
        while True:
            left = max(0.0, end - time.monotonic())
            ready, _, _ = select.select([master], [], [], min(left, 0.005))
            if ready:
                try:
                    output.extend(os.read(master, 65536))
                except OSError:
                    pass
            if status is None:
                done, raw = os.waitpid(pid, os.WNOHANG)
                if done:
                    status = raw
            if not ready and (left <= 0 or status is not None):
                return

    for step in plan.get('steps', []):
        if timed_out or status is not None:
            break
        if 'wait' in step:
            wanted = step['wait'].encode('utf-8')
            while True:
                at = output.find(wanted, searched)
                if at >= 0:
                    searched = at + len(wanted)
                    break
                if status is not None or time.monotonic() > deadline:
                    pump(0)
                    if output.find(wanted, searched) >= 0:
                        continue
                    timed_out = 'output ' + repr(step['wait'])
                    break
                pump(0.005)
        elif 'sleep_ms' in step:
            pump(step['sleep_ms'] / 1000)
        elif 'signal' in step:
            try:
                os.kill(pid, getattr(signal, step['signal']))
            except ProcessLookupError:
                pass
        elif 'keys' in step:
            os.write(master, step['keys'].encode('utf-8'))

    while status is None and not timed_out:
        if time.monotonic() > deadline:
            timed_out = 'the end of the command'
            break
        pump(0.01)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    pump(0)
    lflag = termios.tcgetattr(slave)[3]
    json.dump(
        {
            'code': os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            'signal': os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            'output': base64.b64encode(bytes(output)).decode('ascii'),
            'echo': bool(lflag & termios.ECHO),
            'canonical': bool(lflag & termios.ICANON),
            'timedOut': timed_out,
        },
        sys.stdout,
    )


main()
