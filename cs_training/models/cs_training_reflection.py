from odoo import fields, models


class CsTrainingReflection(models.TransientModel):
    """Where an attendee writes the reflection on a session."""

    _name = "cs.training.reflection"
    _description = "Training Reflection"

    attendee_id = fields.Many2one("hr.course.attendee", required=True)
    reflection = fields.Text(
        required=True, help="What you learnt, and what you will do differently."
    )

    def action_save(self):
        self.ensure_one()
        self.attendee_id._cs_record_reflection(self.reflection)
        return {"type": "ir.actions.act_window_close"}
