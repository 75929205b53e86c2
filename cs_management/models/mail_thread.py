from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _cs_in_lang_of(self, recipient):
        """These records in the language of ``recipient`` (a customer or
        other partner, a user, an employee): a message or an activity meant
        for them is built from what this returns (``env._()``, ``_()`` in
        its methods, selection labels, dates, QWeb views), so that it reads
        in their language, not in that of the user who acts or of the cron.
        Without a language of the recipient, the acting user's is kept."""
        recipient = recipient.sudo()[:1]
        if recipient._name == "hr.employee":
            recipient = recipient.user_id or recipient.work_contact_id
        return self.with_context(lang=recipient.lang) if recipient.lang else self
