"""What a build tells the person who runs it, stage by stage.

Three ways to speak, chosen once per build:
- "bar": a terminal. Each stage shows a bar (tqdm): items done out of how many, the rate and
  the time left; the bar stays as a line with the stage's time when the stage ends.
- "plain": CI and pipes (no terminal). One line per stage when it ends, on stdout: its name, its
  items and its time. Nothing that redraws, so a log reads in order, and stderr keeps only
  warnings and errors.
- "quiet": nothing; warnings and errors are printed by the caller as always.

Work is counted where it happens: workers.fork_map ticks the running stage as each result comes
back, and MkDocs' pages (rendered in other processes) tick a counter in shared memory that the
build polls (site/progresshook.py). A stage with no counted work still gets its line.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import time
from typing import TextIO

MODES = ("bar", "plain", "quiet")

# Pages MkDocs has rendered in this build, summed over the processes that render them. Made at
# import, before the build forks its MkDocs workers, so they share it.
_mkdocs_pages = multiprocessing.get_context("fork").Value("q", 0)


def mkdocs_page_done() -> None:
    with _mkdocs_pages.get_lock():
        _mkdocs_pages.value += 1


def mkdocs_pages() -> int:
    return _mkdocs_pages.value


def reset_mkdocs_pages() -> None:
    with _mkdocs_pages.get_lock():
        _mkdocs_pages.value = 0


def default_mode(stream: TextIO = sys.stderr) -> str:
    """A bar on a terminal, plain lines elsewhere (CI sets CI=true and pipes its output)."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return "bar" if tty and os.environ.get("TERM") != "dumb" and not os.environ.get("CI") else "plain"


class Progress:
    def __init__(self, mode: str = "quiet", stream: TextIO | None = None):
        if mode not in MODES:
            raise ValueError(f"progress mode must be one of {MODES}")
        self.mode = mode
        self.stream = stream or (sys.stderr if mode == "bar" else sys.stdout)
        self._stage: str | None = None
        self._unit = ""
        self._total = 0
        self._done = 0
        self._started = 0.0
        self._bar = None

    # --- a stage ----------------------------------------------------------------------------

    def begin(self, stage: str, unit: str = "", total: int = 0) -> None:
        """Start a stage (ending the one running). `total` may grow as work is found (work())."""
        if self._stage is not None:
            self.end()
        self._stage, self._unit, self._total, self._done = stage, unit, total, 0
        self._started = time.perf_counter()
        if self.mode == "bar":
            import shutil
            from tqdm import tqdm
            tqdm.monitor_interval = 0       # no monitor thread: the build forks workers meanwhile
            width = shutil.get_terminal_size((100, 24)).columns or 100    # 0 in a bare pty
            self._bar = tqdm(total=total or None, desc=stage, unit=f" {unit}" if unit else "it",
                             file=self.stream, leave=True, ncols=min(width, 120), mininterval=0.2,
                             bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt}{unit} "
                                        "[{elapsed}<{remaining}]" if total else None)

    def work(self, items: int) -> None:
        """More items to do in the running stage (a pool learns how many reports miss the cache)."""
        if self._stage is None or items <= 0:
            return
        self._total += items
        if self._bar is not None:
            self._bar.total = self._total
            self._bar.refresh()

    def tick(self, items: int = 1) -> None:
        if self._stage is None:
            return
        self._done += items
        if self._bar is not None:
            self._bar.update(items)

    def reach(self, done: int, total: int | None = None) -> None:
        """Set the count outright (work counted elsewhere: MkDocs' pages)."""
        if self._stage is None:
            return
        if total is not None and total != self._total:
            self.work(total - self._total)
        if done > self._done:
            self.tick(done - self._done)

    def end(self, failed: bool = False) -> float:
        """End the running stage: its line, and its time in seconds. A failed stage's bar goes
        away without a line (the error says what happened)."""
        if self._stage is None:
            return 0.0
        if failed:
            if self._bar is not None:
                self._bar.leave = False
                self._bar.close()
                self._bar = None
            self._stage = None
            return 0.0
        seconds = time.perf_counter() - self._started
        if self._bar is not None:
            self._bar.set_description_str(f"{self._stage} {seconds:.1f}s")
            self._bar.close()
            self._bar = None
        elif self.mode == "plain":
            counted = f" {self._done} {self._unit}" if self._unit and self._done else ""
            self.say(f"{self._stage}:{counted} {seconds:.1f}s")
        self._stage = None
        return seconds

    # --- lines ------------------------------------------------------------------------------

    def say(self, line: str) -> None:
        """A line of news (not a warning): shown unless quiet."""
        if self.mode == "quiet":
            return
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)


# The build's Progress, for the code that counts work deep inside a stage (workers.fork_map)
# without passing it down every call. Quiet unless a build sets one.
_current = Progress("quiet")


def current() -> Progress:
    return _current


def use(progress: Progress) -> Progress:
    """Make `progress` the current one; returns the one it replaces (to put back)."""
    global _current
    previous, _current = _current, progress
    return previous
