"""Database connection and migrations: SQLite in a file by default, PostgreSQL by URL
(`postgresql+psycopg://user@host/db`). `connect(url)` opens the engine and brings the schema to
the newest Alembic revision (vperp/indexer/migrations)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event

from vperp.chain.config import ROOT

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_DIR = ROOT / ".indexer"


def default_url(network: str) -> str:
    """sqlite:///.indexer/<ecosystem>-<network>.sqlite in the repository."""
    DEFAULT_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_DIR / (network.replace(':', '-') + '.sqlite')}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers (dashboard, CLI) do not block the indexer
    cur.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint; a crash loses no commit in WAL
    cur.close()


def engine_for(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def connect(url: str) -> Engine:
    """The engine for `url`, its schema migrated to the newest revision."""
    engine = engine_for(url)
    upgrade(engine)
    return engine
