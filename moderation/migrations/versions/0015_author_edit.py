"""authors edit or withdraw their items, replies are edited or withdrawn (revisions kept), retention settings

Revision ID: 0015_author_edit
Revises: 0011_mail
Create Date: 2026-12-02 03:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0015_author_edit"
down_revision = "0016_invitations"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('item_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('written_at', sa.DateTime(), nullable=False),
    sa.Column('replaced_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_item_revisions_item_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_revisions'))
    )
    with op.batch_alter_table('item_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_revisions_item_id'), ['item_id'], unique=False)

    op.create_table('reply_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reply_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('moderator_id', sa.Integer(), nullable=True),
    sa.Column('replaced_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['reply_id'], ['replies.id'], name=op.f('fk_reply_revisions_reply_id_replies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moderator_id'], ['moderators.id'], name=op.f('fk_reply_revisions_moderator_id_moderators')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reply_revisions'))
    )
    with op.batch_alter_table('reply_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reply_revisions_reply_id'), ['reply_id'], unique=False)

    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('edited_at', sa.DateTime(), nullable=True))

    with op.batch_alter_table('replies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('edited_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(), nullable=True))

    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retain_reviews_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('retain_emails_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('retain_rejected_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('retention_ran_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('retention_counts', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_column('retention_counts')
        batch_op.drop_column('retention_ran_at')
        batch_op.drop_column('retain_rejected_days')
        batch_op.drop_column('retain_emails_days')
        batch_op.drop_column('retain_reviews_days')

    with op.batch_alter_table('replies', schema=None) as batch_op:
        batch_op.drop_column('withdrawn_at')
        batch_op.drop_column('edited_at')

    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_column('edited_at')

    with op.batch_alter_table('reply_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reply_revisions_reply_id'))
    op.drop_table('reply_revisions')

    with op.batch_alter_table('item_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_revisions_item_id'))
    op.drop_table('item_revisions')
