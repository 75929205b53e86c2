from odoo import models
from odoo.exceptions import AccessError

from .record_access import is_cs_staff


class HelpdeskTicket(models.Model):
    """A ticket's deadline lines (helpdesk_mgmt_sla) are the system's
    bookkeeping: they feed the deadline KPIs. OCA keeps them as the user
    who moves the ticket; for Customer Service staff the stage move, the
    filing and "Set SLA" keep them as the system, and nothing else may."""

    _inherit = "helpdesk.ticket"

    def set_sla(self):
        """Deadlines are set when the ticket is filed; set again later they
        would restart the clock of a late ticket, so staff may not."""
        if self.env.su or not is_cs_staff(self.env):
            super().set_sla()
            return True
        self.check_access("read")
        if self.sudo().ticket_sla_ids:
            raise AccessError(
                self.env._(
                    "A ticket's deadlines are set when it is filed and follow its stages: "
                    "they cannot be set again."
                )
            )
        super(HelpdeskTicket, self.sudo()).set_sla()
        return True

    def refresh_sla(self):
        """"Set SLA": adds the deadlines a ticket now qualifies for, on a
        ticket the user may edit, and leaves the running ones alone."""
        if self.env.su or not is_cs_staff(self.env):
            super().refresh_sla()
            return True
        self.check_access("write")
        super(HelpdeskTicket, self.sudo()).refresh_sla()
        return True
