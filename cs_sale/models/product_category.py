from datetime import timedelta

from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    cs_return_days = fields.Integer(
        string="Return Window (Days)",
        help="Days after delivery within which the customer may return or "
        "exchange a product of this category (e.g. 7 for opened cosmetics); "
        "0: no limit. Subcategories without their own window use this one.",
    )

    def _cs_return_window(self):
        """The window of the category, or of its nearest parent that has one
        (none for an RMA whose product is not chosen yet)."""
        category = self[:1]
        while category and not category.cs_return_days:
            category = category.parent_id
        return category.cs_return_days

    def _cs_return_deadline(self, delivered_on):
        """Last day a product of this category delivered on ``delivered_on``
        may be returned; False when there is no window."""
        days = self._cs_return_window()
        return days and delivered_on + timedelta(days=days)
