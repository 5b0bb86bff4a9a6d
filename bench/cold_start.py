"""Cold start and memory of the desktop app on the bench database (issue 2 targets).

Start-up: launch to a usable main window with the customer list shown, against
a bare PySide6 window holding one table started the same way (a fresh Python
process, offscreen), medians of alternating runs.  Target: at most 5x the bare
window.  Memory: peak RSS of the app once the list is shown and background
loading (the search texts) has finished.  Target: under 400 MiB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import Context, Result, log, median
from bench.startup import _pip_command, time_to_ready_ms

RUNS = 9
TARGET_RATIO = 5.0
TARGET_RSS_MIB = 400

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QTableWidget(100, 8))
window.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""

# Runs a command and prints its children's peak RSS (KiB on Linux) as the last line.
PEAK_RSS = (
    "import os, resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
    " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _peak_rss_mib(command: list[str], db: Path, home: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOLOCRM_QUIT_WHEN_READY": "idle",
           "SOLOCRM_DATA_DIR": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, *command, "--db", str(db)], env=env,
                         capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1]) / 1024


def run(ctx: Context) -> list[Result]:
    bare = [sys.executable, "-c", BARE_WINDOW]
    app = _pip_command()
    bare_ms, app_ms = [], []
    with tempfile.TemporaryDirectory(prefix="solocrm-cold-") as tmp:
        home = Path(tmp)
        time_to_ready_ms(app, ctx.db_path, home)  # unmeasured: writes the bytecode cache, warms the OS cache
        for i in range(RUNS):
            log(f"cold start run {i + 1}/{RUNS}")
            bare_ms.append(time_to_ready_ms(bare, ctx.db_path, home))
            app_ms.append(time_to_ready_ms(app, ctx.db_path, home))
        rss = _peak_rss_mib(app, ctx.db_path, home)
    bare_median = median(bare_ms)
    return [
        Result("cold_start_bare_window_median", bare_median, "ms"),
        Result("cold_start_app_median", median(app_ms), "ms", target=round(TARGET_RATIO * bare_median, 1),
               baseline=bare_median),
        Result("memory_list_open_peak_rss", rss, "MiB", target=TARGET_RSS_MIB),
    ]
