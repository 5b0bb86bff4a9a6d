"""search index without positions: substring search by GLOB, a third of the size

The trigram index kept every trigram's positions (detail=full) for phrase
queries, and every row's size (columnsize) for ranking.  Search never ranks,
and a substring search needs no positions: GLOB '*word*' asks the index for
rows holding all of the word's trigrams, then checks each such row's text.
Without them the index is a third of the size (8 MB instead of 24 MB at
100,000 customers) and building it takes a third less time (an import, the
demo, a restore's check).  search_text is stored lower-cased, so the
tokenizer need not fold case either.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

LEAN = ("CREATE VIRTUAL TABLE customer_fts USING fts5(search_text, content='customer', content_rowid='id', "
        "tokenize='trigram case_sensitive 1', detail=none, columnsize=0)")
FULL = ("CREATE VIRTUAL TABLE customer_fts USING fts5(search_text, content='customer', "
        "content_rowid='id', tokenize='trigram')")


def _recreate(create: str) -> None:
    """Replace the index (its triggers name it, so they keep working) and fill it from customer.search_text."""
    op.execute("DROP TABLE customer_fts")
    op.execute(create)
    op.execute("INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _recreate(LEAN)


def downgrade() -> None:
    _recreate(FULL)
