"""mail to authors: the outbox, mail consent on authors, the brand's voice and mail settings on sites

Revision ID: 0011_mail
Revises: 0010_insights
Create Date: 2026-12-02 12:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0011_mail"
down_revision = "0014_subject_catalogue"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('to_address', sa.String(length=320), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('unsubscribe_url', sa.String(length=1000), nullable=True),
    sa.Column('state', sa.String(length=24), nullable=False),
    sa.Column('transport', sa.String(length=16), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_outbox_site_id_sites'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['authors.id'], name=op.f('fk_outbox_author_id_authors'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_outbox_item_id_items'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_state_created', ['state', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_author_id'), ['author_id'], unique=False)

    with op.batch_alter_table('authors', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notify_requested_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('notify_confirmed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('unsubscribed_at', sa.DateTime(), nullable=True))

    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.add_column(sa.Column('brand_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('sign_with_first_name', sa.Boolean(), server_default=sa.text('false'), nullable=False))
        batch_op.add_column(sa.Column('default_lang', sa.String(length=8), server_default='en', nullable=False))
        batch_op.add_column(sa.Column('mail_templates', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_column('mail_templates')
        batch_op.drop_column('default_lang')
        batch_op.drop_column('sign_with_first_name')
        batch_op.drop_column('brand_name')

    with op.batch_alter_table('authors', schema=None) as batch_op:
        batch_op.drop_column('unsubscribed_at')
        batch_op.drop_column('notify_confirmed_at')
        batch_op.drop_column('notify_requested_at')

    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_author_id'))
        batch_op.drop_index(batch_op.f('ix_outbox_site_id'))
        batch_op.drop_index('ix_outbox_state_created')

    op.drop_table('outbox')
