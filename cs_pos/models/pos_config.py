from odoo import fields, models


class PosConfig(models.Model):
    """A till belongs to a store: its sales count in the store's KPIs."""

    _inherit = "pos.config"

    cs_store_id = fields.Many2one(
        "cs.store",
        string="Store",
        index="btree_not_null",
        check_company=True,
        help="The store whose sales (KPI-8) the receipts of this point of sale "
        "count in.",
    )
