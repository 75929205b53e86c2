from odoo import models


class CsFollowupPlan(models.Model):
    _inherit = "cs.followup.plan"

    def _cs_task_agents(self):
        """Calls go only to agents cleared to serve customers (TRN-6)."""
        agents = super()._cs_task_agents()
        blocked = self.env["hr.employee"]._cs_service_blocks(
            (agent, self.company_id) for agent in agents
        )
        return agents.filtered(lambda agent: (agent, self.company_id) not in blocked)
