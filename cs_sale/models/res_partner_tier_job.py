from odoo import api, models
from odoo.exceptions import AccessError

from odoo.addons.queue_job.job import identity_exact

from .res_partner_tier import TIER_BATCH


class ResPartner(models.Model):
    """The tier rules applied now, on a CS manager's request: in queue jobs
    of one batch each, on any Odoo node, the button returning at once. Each
    job queues the next batch; a batch run twice or resumed classifies the
    same customers the same way."""

    _inherit = "res.partner"

    @api.model
    def action_cs_recompute_tiers(self):
        if not (
            self.env.su or self.env.user.has_group("cs_management.group_cs_manager")
        ):
            raise AccessError(self.env._("Only a CS manager can apply the tier rules."))
        self._cs_enqueue_tier_batch(0, TIER_BATCH)
        return self.env["cs.job.mixin"]._cs_queued_notification(
            self.env._(
                "The customers are being classified in the background, a batch "
                "at a time: Queue Jobs shows the progress."
            )
        )

    @api.model
    def _cs_enqueue_tier_batch(self, cursor, batch_size):
        self.with_delay(
            description=self.env._(
                "Customer tiers by the tier rules, after customer %(cursor)s",
                cursor=cursor,
            ),
            identity_key=identity_exact,
        )._job_cs_recompute_tiers(cursor, batch_size)

    @api.model
    def _job_cs_recompute_tiers(self, cursor, batch_size):
        """The customers after ``cursor``, ``batch_size`` of them; queues
        the next batch while a full one was found."""
        partner_ids = self._cs_tier_batch(cursor, batch_size)
        self._cs_apply_tier_rules(partner_ids)
        if len(partner_ids) == batch_size:
            self._cs_enqueue_tier_batch(partner_ids[-1], batch_size)
        return len(partner_ids)
