from odoo import models


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    def _cs_guarded_models(self):
        # course sessions and enrolments, which this addon's rules restrict
        return super()._cs_guarded_models() | {
            "hr.course.schedule",
            "hr.course.attendee",
        }
