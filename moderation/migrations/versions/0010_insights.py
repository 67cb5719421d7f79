"""product insights: each subject's latest complaint topics and health snapshot

Revision ID: 0010_insights
Revises: 0005_text_search
Create Date: 2026-12-02 10:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0010_insights"
down_revision = "0009_security"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('subject_insights',
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('computed_at', sa.DateTime(), nullable=False),
    sa.Column('model_version', sa.String(length=200), nullable=False),
    sa.Column('embedder', sa.String(length=200), nullable=False),
    sa.Column('review_count', sa.Integer(), nullable=False),
    sa.Column('last_item_id', sa.Integer(), nullable=True),
    sa.Column('negative_reviews', sa.Integer(), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('health', sa.JSON(), nullable=False),
    sa.Column('seconds', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_subject_insights_site_id_sites'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subject_id'], ['subjects.id'], name=op.f('fk_subject_insights_subject_id_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('subject_id', name=op.f('pk_subject_insights'))
    )
    with op.batch_alter_table('subject_insights', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subject_insights_site_id'), ['site_id'], unique=False)


def downgrade():
    with op.batch_alter_table('subject_insights', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subject_insights_site_id'))
    op.drop_table('subject_insights')
