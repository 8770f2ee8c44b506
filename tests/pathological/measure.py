#!/usr/bin/python3
"""measure.py - run one command under a time limit and an address-space limit and say
how it ended, for tests/pathological/run.sh.

usage: measure.py SECONDS VMEM_MB STDOUT STDERR -- COMMAND [ARG...]

The command runs in a session of its own with standard input from /dev/null and its
outputs in the files STDOUT and STDERR.  Past SECONDS of wall time its whole process
group is killed (SIGKILL), so a hang costs only its limit.  VMEM_MB, when not 0, is its
RLIMIT_AS (what `ulimit -v` sets): it keeps a runaway allocation from taking the machine;
sanitizer builds reserve terabytes of address space and need 0.

Prints one line: STATUS WALL PEAK_MB, where STATUS is the exit status, `SIGNAME` when a
signal ended the command, or `timeout`; WALL is seconds of wall time and PEAK_MB the
peak resident set size (ru_maxrss of the command and of the children it waited for).
"""
import os
import resource
import signal
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 7 or sys.argv[5] != "--":
        sys.exit(__doc__.split("\n\n")[1])
    limit = float(sys.argv[1])
    vmem = int(sys.argv[2]) * 1024 * 1024
    out_path, err_path, cmd = sys.argv[3], sys.argv[4], sys.argv[6:]

    def limits():
        if vmem:
            resource.setrlimit(resource.RLIMIT_AS, (vmem, vmem))

    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                start_new_session=True, preexec_fn=limits)
    timed_out = False
    pause = 0.002
    while True:
        pid, wstatus, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > limit:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            pid, wstatus, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(pause)
        pause = min(pause * 2, 0.05)
    wall = time.monotonic() - start
    proc.returncode = 0  # reaped here; keep Popen from waiting again
    # Whatever the command left running in its session goes too.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if timed_out:
        status = "timeout"
    elif os.WIFSIGNALED(wstatus):
        status = signal.Signals(os.WTERMSIG(wstatus)).name
    else:
        status = str(os.WEXITSTATUS(wstatus))
    print(f"{status} {wall:.2f} {usage.ru_maxrss / 1024:.0f}")


if __name__ == "__main__":
    main()
