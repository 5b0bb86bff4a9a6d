"""Alembic environment: the engine comes from the app (solocrm.db.migrate)."""

from alembic import context
from sqlalchemy import create_engine

from solocrm.db.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001
    # The FTS5 search index and its shadow tables are managed by hand in migrations.
    return not (type_ == "table" and name.startswith("customer_fts"))


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
