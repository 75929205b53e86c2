from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Product defaults, not seed facts (digest §13): new courses start from them.
    cs_training_pass_mark = fields.Float(string="Training Pass Mark", default=80.0)
    cs_training_theory_weight = fields.Integer(
        string="Theory Exam Weight (%)", default=60
    )
    cs_training_practical_weight = fields.Integer(
        string="Practical Exam Weight (%)", default=40
    )
    cs_training_customer_weight = fields.Integer(
        string="Customer Evaluation Weight (%)", default=0
    )
    cs_training_max_retakes = fields.Integer(string="Retakes Allowed", default=1)
    cs_training_validity_months = fields.Integer(
        string="Certificate Validity (months)", default=12
    )
    cs_training_reminder_days = fields.Integer(
        string="Renewal Reminder (days before expiry)", default=30
    )

    @api.constrains(
        "cs_training_theory_weight",
        "cs_training_practical_weight",
        "cs_training_customer_weight",
    )
    def _check_cs_training_weights(self):
        for company in self:
            self.env["hr.course"]._check_score_weights(
                company.cs_training_theory_weight,
                company.cs_training_practical_weight,
                company.cs_training_customer_weight,
            )
