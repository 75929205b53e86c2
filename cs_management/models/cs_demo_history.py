import random
from datetime import datetime, time, timedelta

from odoo import api, fields, models

KIND_MIX = [("consultation", 5), ("complaint", 2), ("after_sales", 2), ("order", 1)]
# the demo staff write in Traditional Chinese
KIND_LABELS = {"consultation": "諮詢", "complaint": "投訴", "after_sales": "售後", "order": "訂單問題"}
SUBJECTS = ["粉底液", "晚霜", "包裹", "口紅", "化妝水"]


class CsDemoHistory(models.AbstractModel):
    """Demo data only: five weeks of service in every store, so that the
    KPIs and the dashboard have a past (called from the demo XML)."""

    _name = "cs.demo.history"
    _description = "Demo Service History"

    @api.model
    def _generate(self, days=35, per_day=2, seed=7):
        rng = random.Random(seed)
        teams = self.env["helpdesk.ticket.team"].search([("cs_store_id", "!=", False)]) | self.env.ref(
            "cs_management.helpdesk_team_hq"
        )
        customers = self.env["res.partner"].search([("cs_consent_scope", "!=", False)])
        kinds = [kind for kind, weight in KIND_MIX for _ in range(weight)]
        categories = {kind: self.env.ref(f"cs_management.category_{kind}") for kind, _w in KIND_MIX}
        phone = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        today = fields.Date.context_today(self)
        tickets = self.env["helpdesk.ticket"]
        for offset in range(days, 0, -1):
            day = today - timedelta(days=offset)
            for team in teams:
                # the transaction's time gives the tickets their creation day
                self.env.cr._now = datetime.combine(day, time(rng.randint(1, 8), rng.randint(0, 59)))
                tickets |= self.env["helpdesk.ticket"].create(
                    [
                        self._ticket_values(rng, team, rng.choice(kinds), categories, customers, phone)
                        for _n in range(rng.randint(1, per_day))
                    ]
                )
        self.env.cr._now = None
        self._close_most(rng, tickets)

    def _ticket_values(self, rng, team, kind, categories, customers, channel):
        new_hire = self.env.ref("cs_management.user_tseng_huiwen")
        return {
            "name": f"{KIND_LABELS[kind]}：{rng.choice(SUBJECTS)}",
            "description": "<p>過往服務紀錄（示範資料）。</p>",
            "team_id": team.id,
            "user_id": rng.choice(team.user_ids - new_hire).id,
            "partner_id": rng.choice(customers).id,
            "category_id": categories[kind].id,
            "channel_id": channel.id,
        }

    def _close_most(self, rng, tickets):
        """Answer and close four in five, with the customers' ratings; then
        put each answer and closing back on the day and hour it happened."""
        done = tickets.filtered(lambda t: rng.random() < 0.8)
        for ticket in done:
            ticket.cs_solution = "<p>您好，以下是我們的答覆。謝謝</p>"
            if ticket.cs_kind == "consultation":
                ticket.action_cs_answer_and_close()
            elif ticket.cs_kind == "complaint":
                self._walk_complaint(ticket)
            else:
                ticket.action_cs_tell_result()
                ticket.stage_id = self.env.ref("cs_management.stage_closed")
        self.env.flush_all()
        cr = self.env.cr
        for ticket in done:
            responded = ticket.create_date + timedelta(hours=rng.uniform(0.2, 6))
            closed = responded + timedelta(hours=rng.uniform(1, 40))
            cr.execute(
                "UPDATE helpdesk_ticket SET cs_first_response_date = %s, closed_date = %s WHERE id = %s",
                (responded, closed, ticket.id),
            )
            cr.execute(
                "UPDATE mail_message SET date = %s WHERE model = 'helpdesk.ticket' AND res_id = %s AND date > %s",
                (responded, ticket.id, closed),
            )
            cr.execute(
                "UPDATE helpdesk_ticket_sla SET state = %s WHERE ticket_id = %s",
                ("accomplished" if rng.random() < 0.85 else "expired", ticket.id),
            )
            if rng.random() < 0.6:
                cr._now = closed
                self.env["rating.rating"].create(
                    {
                        "res_model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                        "res_id": ticket.id,
                        "partner_id": ticket.partner_id.id,
                        "rating": rng.choice([5, 5, 5, 3, 1]),
                        "consumed": True,
                    }
                )
        cr._now = None
        self.env.flush_all()
        tickets.invalidate_recordset()
        for name in ("cs_first_response_hours", "cs_resolution_hours"):
            self.env.add_to_compute(tickets._fields[name], done)
        done.flush_recordset()

    def _walk_complaint(self, ticket):
        cause = self.env.ref("cs_management.root_cause_quality")
        department = self.env.ref("cs_management.department_quality")
        steps = (
            ("verification", {"cs_severity": "normal"}),
            ("investigation", {"cs_department_id": department.id}),
            (
                "solution",
                {
                    "cs_root_cause_id": cause.id,
                    "cs_responsible_party": "供應商",
                    "cs_solution_user_id": ticket.user_id.id,
                    "cs_solution_deadline": fields.Date.context_today(self),
                },
            ),
            ("feedback", {}),
            ("followup", {"cs_satisfaction": "4"}),
            ("closed", {"cs_summary": "已解決；已通知供應商。"}),
        )
        for step, values in steps:
            if step == "feedback":
                ticket.action_cs_tell_result()
            if step == "closed":
                ticket.cs_followup_ids.write({"reached": True, "satisfaction": "4"})
                ticket.cs_followup_ids.action_done()
            ticket.write(dict(values, stage_id=self.env.ref(f"cs_management.stage_{step}").id))
