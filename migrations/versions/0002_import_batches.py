"""import batches, undo journal, mapping presets, external customer numbers, re-import keys

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('import_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('rows_read', sa.Integer(), nullable=False),
    sa.Column('created', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.Column('merged', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch'))
    )
    op.create_table('import_preset',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('signature', sa.Text(), nullable=False),
    sa.Column('mapping', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_preset'))
    )
    with op.batch_alter_table('import_preset', schema=None) as batch_op:
        batch_op.create_index('ix_import_preset_kind_signature', ['kind', 'signature'], unique=True)

    op.create_table('customer_ref',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_customer_ref_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_ref')),
    sa.UniqueConstraint('ref', name=op.f('uq_customer_ref_ref'))
    )
    with op.batch_alter_table('customer_ref', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_ref_customer_id'), ['customer_id'], unique=False)

    op.create_table('import_batch_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=80), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], name=op.f('fk_import_batch_change_batch_id_import_batch'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch_change'))
    )
    with op.batch_alter_table('import_batch_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_batch_change_batch_id'), ['batch_id'], unique=False)

    op.create_table('import_batch_range',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('first_id', sa.Integer(), nullable=False),
    sa.Column('last_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], name=op.f('fk_import_batch_range_batch_id_import_batch'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch_range'))
    )
    with op.batch_alter_table('import_batch_range', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_batch_range_batch_id'), ['batch_id'], unique=False)

    op.create_table('import_order_key',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['order.id'], name=op.f('fk_import_order_key_order_id_order'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_import_order_key'))
    )
    with op.batch_alter_table('import_order_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_order_key_order_id'), ['order_id'], unique=False)

    op.create_table('import_interaction_key',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_import_interaction_key_interaction_id_interaction'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_import_interaction_key'))
    )
    with op.batch_alter_table('import_interaction_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_interaction_key_interaction_id'), ['interaction_id'], unique=False)

    op.create_table('import_survey_key',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('survey_response_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['survey_response_id'], ['survey_response.id'], name=op.f('fk_import_survey_key_survey_response_id_survey_response'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_import_survey_key'))
    )
    with op.batch_alter_table('import_survey_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_survey_key_survey_response_id'), ['survey_response_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('import_survey_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_survey_key_survey_response_id'))

    op.drop_table('import_survey_key')
    with op.batch_alter_table('import_interaction_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_interaction_key_interaction_id'))

    op.drop_table('import_interaction_key')
    with op.batch_alter_table('import_order_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_order_key_order_id'))

    op.drop_table('import_order_key')
    with op.batch_alter_table('import_batch_range', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_batch_range_batch_id'))

    op.drop_table('import_batch_range')
    with op.batch_alter_table('import_batch_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_batch_change_batch_id'))

    op.drop_table('import_batch_change')
    with op.batch_alter_table('customer_ref', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_ref_customer_id'))

    op.drop_table('customer_ref')
    with op.batch_alter_table('import_preset', schema=None) as batch_op:
        batch_op.drop_index('ix_import_preset_kind_signature')

    op.drop_table('import_preset')
    op.drop_table('import_batch')
