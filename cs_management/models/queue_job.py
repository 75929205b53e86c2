from odoo import fields, models


class QueueJob(models.Model):
    _inherit = "queue.job"

    # the record a job of ours works on (cs.job.mixin), for its progress
    cs_res_id = fields.Many2oneReference(
        string="Record ID", model_field="model_name", index=True, readonly=True
    )
