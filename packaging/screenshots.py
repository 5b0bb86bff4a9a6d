"""Take the README's screenshots of the main screens, in 简体中文 and English.

    solocrm demo --db /tmp/demo.sqlite3 --customers 2000
    python packaging/screenshots.py --db /tmp/demo.sqlite3 [--out docs/screenshots]

Runs offscreen (no display needed; a CJK font such as Noto Sans CJK must be
installed) and writes <screen>-zh.png and <screen>-en.png for every screen in
SCREENS.  Each language runs in its own process: Qt translators and the default
locale are chosen once, before any widget exists, exactly as in the app.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = {"zh_CN": "zh", "en": "en"}
SCREENS = ("customers", "customer", "today", "analytics", "settings", "import")
SIZE = (1280, 800)
WIZARD_SIZE = (1000, 640)


def _busiest_customer(db) -> int:  # noqa: ANN001 - solocrm.db.database.Database
    """The customer with the most orders: the fullest customer page (the first customer of a file without orders)."""
    from sqlalchemy import func, select

    from solocrm.db.models import Customer, Order

    with db.session() as session:
        return session.scalar(select(Order.customer_id).group_by(Order.customer_id)
                              .order_by(func.count().desc()).limit(1)) or session.scalar(select(func.min(Customer.id)))


def _messy_file(db, folder: Path) -> Path:  # noqa: ANN001 - solocrm.db.database.Database
    """A customer sheet as people keep them, saved by Chinese Excel: what the import review is for.

    Its last row is a customer of the database with another city, so the
    review also shows a conflict; nothing is written (the wizard stops at the review).
    """
    from sqlalchemy import func, select

    from solocrm.db.models import Customer, CustomerPhone

    with db.session() as session:
        known = session.execute(select(Customer.name, CustomerPhone.number)
                                .join(CustomerPhone, CustomerPhone.customer_id == Customer.id)
                                .where(Customer.city != "宁波").order_by(func.random()).limit(1)).first()
    rows = ["客户名称,手机,邮箱,生日,城市,标签",
            "张伟,138 1234 5678,zw@qq.com,1988年3月5日,杭州,老客",
            "李娜,+86 139-0000-1111,,1990/7/12,宁波,VIP；回头客",
            "王芳,0571-8888 6666,WF@163.COM,1985.11.2,杭州,",
            "陈晓,1380000,,,上海,",
            "張偉,,zhangwei@qq.com,,杭州,",
            "赵敏,13700001234,zhaomin@,1992-02-30,苏州,"]
    if known:
        rows.append(f"{known.name},{known.number.removeprefix('+86')},,,宁波,")
    path = folder / "客户名单.csv"
    path.write_text("\r\n".join(rows) + "\r\n", encoding="gb18030")
    return path


def shoot(db_path: Path, out: Path, language: str) -> list[Path]:
    """Every screen of SCREENS in ``language``; call in a fresh process."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QWidget

    from solocrm.db.database import Database
    from solocrm.ui import style
    from solocrm.ui.app import use_language
    from solocrm.ui.bus import ChangeBus
    from solocrm.ui.context import AppContext
    from solocrm.ui.operations import OperationRunner

    app = QApplication(sys.argv[:1])
    app.setApplicationName("SoloCRM screenshots")
    use_language(app, language)
    style.apply(app)
    from solocrm.ui.import_wizard import ImportWizard
    from solocrm.ui.main_window import MainWindow

    db = Database.open(db_path, lock=False)
    ctx = AppContext(db=db, bus=ChangeBus(), runner=OperationRunner())
    ctx.runner.inline = True
    window = MainWindow(ctx, db_path.parent)
    window.resize(*SIZE)
    window.show()
    suffix = LANGUAGES[language]
    written = []

    def grab(name: str, widget: QWidget | None = None) -> None:
        for _ in range(10):
            app.processEvents()
        target = out / f"{name}-{suffix}.png"
        (widget or window).grab().save(str(target))
        written.append(target)

    rows = {"today": 0, "customers": 1, "analytics": 3, "settings": 6}  # rows of the navigation list
    for name in SCREENS:
        if name == "customer":
            window.open_customer(_busiest_customer(db))
        elif name == "import":
            with tempfile.TemporaryDirectory() as folder:
                wizard = ImportWizard(ctx, path=str(_messy_file(db, Path(folder))), parent=window)
                wizard.resize(*WIZARD_SIZE)
                wizard.show()
                wizard.next.click()  # read the file
                wizard.next.click()  # check it: the review, nothing written yet
                grab(name, wizard)
                wizard.reject()
            continue
        else:
            window.nav.setCurrentRow(rows[name])
        grab(name)
    window.close()
    ctx.runner.wait()
    db.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a demo database (solocrm demo)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=sorted(LANGUAGES), help=argparse.SUPPRESS)  # one child process
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.language:
        for path in shoot(args.db.resolve(), args.out, args.language):
            print(path)
        return 0
    for language in LANGUAGES:
        subprocess.run([sys.executable, __file__, "--db", str(args.db), "--out", str(args.out),
                        "--language", language], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
