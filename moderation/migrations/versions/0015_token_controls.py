"""api tokens: disabled_at (an admin pauses a token and enables it again) and who created it in the console

Revision ID: 0015_token_controls
Revises: 0011_mail
Create Date: 2026-12-02 03:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0015_token_controls"
down_revision = "0015_reports_answer_votes"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('disabled_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('created_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_api_tokens_created_by_id_moderators'), 'moderators',
                                    ['created_by_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_api_tokens_created_by_id_moderators'), type_='foreignkey')
        batch_op.drop_column('created_by_id')
        batch_op.drop_column('disabled_at')
