from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

# customers one cron call classifies; the scheduler calls again while some remain
TIER_BATCH = 10000
CURSOR_PARAM = "cs_sale.tier_cursor"


class ResPartner(models.Model):
    """The customer's tier: set by the tier rules' scheduled action, or by a
    CS manager's override, which the scheduled action then leaves alone."""

    _name = "res.partner"
    _inherit = ["res.partner", "cs.recorded.fields"]
    _cs_recorded_fields = ("cs_tier_id", "cs_tier_override", "cs_tier_since")

    cs_tier_id = fields.Many2one(
        "cs.customer.tier",
        string="Customer Tier",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    cs_tier_override = fields.Boolean(
        string="Tier Set by Hand",
        readonly=True,
        copy=False,
        help="A CS manager set the tier: the tier rules leave it until the override "
        "is lifted.",
    )
    cs_tier_since = fields.Date(string="In This Tier Since", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_recorded_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_recorded_fields(vals)
        return super().write(vals)

    # ------------------------------------------------------------------
    # The rules (ir.cron)
    # ------------------------------------------------------------------
    @api.model
    def _cron_cs_recompute_tiers(self, batch_size=TIER_BATCH):
        """Classify the next batch of customers by the tier rules; the
        scheduler calls again while customers remain, and the next run starts
        over."""
        params = self.env["ir.config_parameter"].sudo()
        cursor = int(params.get_param(CURSOR_PARAM, 0))
        partner_ids = self._cs_tier_batch(cursor, batch_size)
        self._cs_apply_tier_rules(partner_ids)
        remaining = self._cs_tier_batch_remaining(partner_ids[-1]) if partner_ids else 0
        params.set_param(CURSOR_PARAM, partner_ids[-1] if remaining else 0)
        self.env["ir.cron"]._notify_progress(done=len(partner_ids), remaining=remaining)
        return len(partner_ids)

    def _cs_tier_batch(self, cursor, batch_size):
        self.env.cr.execute(
            SQL(
                """SELECT id FROM res_partner
                    WHERE id > %s AND id = commercial_partner_id AND active
                    ORDER BY id LIMIT %s""",
                cursor,
                batch_size,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def _cs_tier_batch_remaining(self, cursor):
        self.env.cr.execute(
            SQL(
                """SELECT COUNT(*) FROM res_partner
                    WHERE id > %s AND id = commercial_partner_id AND active""",
                cursor,
            )
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _cs_apply_tier_rules(self, partner_ids):
        """Give each of ``partner_ids`` (commercial partners) the tier its
        orders reach today, unless set by hand: one aggregation over the
        orders, one write per tier, one creation of the moves."""
        if not partner_ids:
            return
        today = fields.Date.context_today(self)
        reached = self._cs_tiers_reached(partner_ids, today)
        partners = (
            self.sudo()
            .browse(partner_ids)
            .filtered(lambda partner: not partner.cs_tier_override)
        )
        by_tier = {}
        for partner in partners:
            tier_id = reached.get(partner.id, False)
            if tier_id != partner.cs_tier_id.id:
                by_tier.setdefault(tier_id, []).append(partner)
        moves = []
        for tier_id, changed in by_tier.items():
            changed = partners.browse([partner.id for partner in changed])
            moves += changed._cs_move_values(tier_id, "rules", today)
            changed.with_context(tracking_disable=True).write(
                {"cs_tier_id": tier_id, "cs_tier_since": today}
            )
        self.env["cs.customer.tier.move"].sudo().create(moves)

    @api.model
    def _cs_tiers_reached(self, partner_ids, today):
        """``{partner id: tier id}``: the highest tier whose rules each
        partner meets today."""
        rules = self.env["cs.customer.tier.rule"].sudo().search([])
        if not rules:
            return {}
        # the purchases' query flushes the fields it reads
        rows = self.env.execute_query(
            SQL(
                "SELECT partner_id, MAX(rank) FROM (%s) met GROUP BY partner_id",
                rules._met_sql(partner_ids, today),
            )
        )
        tier_by_rank = {tier.rank: tier.id for tier in rules.tier_id}
        return {partner: tier_by_rank[rank] for partner, rank in rows}

    def _cs_move_values(self, tier_id, source, today):
        return [
            {
                "partner_id": partner.id,
                "date": today,
                "old_tier_id": partner.cs_tier_id.id,
                "new_tier_id": tier_id,
                "source": source,
                "company_id": partner.company_id.id,
            }
            for partner in self
        ]

    # ------------------------------------------------------------------
    # Override by a CS manager
    # ------------------------------------------------------------------
    def _cs_override_tier(self, tier, reason):
        """Set the tier by hand (``tier`` empty: lift the override, back to
        the rules), logged on the customer and in the tier moves."""
        if not self.env.user.has_group("cs_management.group_cs_manager"):
            raise AccessError(_("Only a CS manager can set a customer's tier by hand."))
        self.check_access("write")
        # the tier is recorded by this action only, as the system
        partners = self.sudo().commercial_partner_id
        olds = {partner: partner.cs_tier_id for partner in partners}
        if tier:
            partners._cs_set_tier_by_hand(tier)
        else:
            partners.cs_tier_override = False
            self._cs_apply_tier_rules(partners.ids)
        for partner in partners:
            partner.message_post(
                body=Markup("<p>%s</p>")
                % _(
                    "Tier %(old)s → %(new)s, %(how)s by %(user)s: %(reason)s",
                    old=olds[partner].name or _("none"),
                    new=partner.cs_tier_id.name or _("none"),
                    how=_("set by hand") if tier else _("back to the tier rules"),
                    user=self.env.user.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _cs_set_tier_by_hand(self, tier):
        today = fields.Date.context_today(self)
        changed = self.filtered(lambda partner: partner.cs_tier_id != tier)
        self.env["cs.customer.tier.move"].create(
            changed._cs_move_values(tier.id, "override", today)
        )
        changed.write({"cs_tier_id": tier.id, "cs_tier_since": today})
        self.write({"cs_tier_override": True})

    def _cs_complaints_to_supervisor(self):
        """Whether the customer's complaints go to the supervisor (their tier)."""
        return (
            bool(self)
            and self.commercial_partner_id.cs_tier_id.complaints_to_supervisor
        )
