from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _cs_record_service_consent(self):
        """Consent ticked on the web form (DATA-1): recorded for contacts
        who never answered; a choice already made, a withdrawal above all,
        is not overturned by whoever knows the address."""
        self.filtered(lambda partner: not partner.cs_consent_scope).write(
            {
                "cs_consent_scope": "service",
                "cs_consent_date": fields.Date.context_today(self),
            }
        )
