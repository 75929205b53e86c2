"""Demo data only: five weeks of service in every store, so that the KPIs
and the dashboard have a past. Run by the post-install hook of a database
installed with demo data; never part of the runtime models.

Past records are made by the real actions, run on a clock set back with
``clock_at``: the one way this code base dates demo records."""

import random
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from unittest.mock import patch

import freezegun

from odoo import fields

KIND_MIX = [("consultation", 5), ("complaint", 2), ("after_sales", 2), ("order", 1)]
# the demo staff write in Traditional Chinese
KIND_LABELS = {
    "consultation": "諮詢",
    "complaint": "投訴",
    "after_sales": "售後",
    "order": "訂單問題",
}
SUBJECTS = ["粉底液", "晚霜", "包裹", "口紅", "化妝水"]


@contextmanager
def clock_at(env, moment):
    """Run the enclosed actions as if it were ``moment``: Odoo's clock
    (freezegun) and the transaction's time, which dates ``create_date``
    (``Cursor.now``), both read it."""
    env.flush_all()
    with (
        freezegun.freeze_time(moment),
        # this transaction's cursor only: other threads keep their time
        patch.object(env.cr, "now", lambda: moment),
    ):
        yield
        env.flush_all()


def generate(env, days=35, per_day=2, seed=7):
    rng = random.Random(seed)
    teams = env["helpdesk.ticket.team"].search(
        [("cs_store_id", "!=", False)]
    ) | env.ref("cs_management.helpdesk_team_hq")
    customers = env["res.partner"].search([("cs_consent_scope", "!=", False)])
    kinds = [kind for kind, weight in KIND_MIX for _ in range(weight)]
    categories = {
        kind: env.ref(f"cs_management.category_{kind}") for kind, _w in KIND_MIX
    }
    phone = env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
    today = fields.Date.context_today(env["helpdesk.ticket"])
    tickets = env["helpdesk.ticket"]
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        for team in teams:
            moment = datetime.combine(day, time(rng.randint(1, 8), rng.randint(0, 59)))
            with clock_at(env, moment):
                tickets |= env["helpdesk.ticket"].create(
                    [
                        _ticket_values(
                            env,
                            rng,
                            team,
                            rng.choice(kinds),
                            categories,
                            customers,
                            phone,
                        )
                        for _n in range(rng.randint(1, per_day))
                    ]
                )
    _close_most(env, rng, tickets)


def _ticket_values(env, rng, team, kind, categories, customers, channel):
    new_hire = env.ref("cs_management.user_tseng_huiwen")
    return {
        "name": f"{KIND_LABELS[kind]}：{rng.choice(SUBJECTS)}",
        "description": "<p>過往服務紀錄（示範資料）。</p>",
        "team_id": team.id,
        "user_id": rng.choice(team.user_ids - new_hire).id,
        "partner_id": rng.choice(customers).id,
        "category_id": categories[kind].id,
        "channel_id": channel.id,
    }


def _close_most(env, rng, tickets):
    """Four in five answered a few hours after they came in and closed
    within two days, most with the customer's rating, each step on the
    clock of the moment it happened."""
    closed_stage = env.ref("cs_management.stage_closed")
    now = fields.Datetime.now()
    for ticket in tickets.filtered(lambda t: rng.random() < 0.8):
        responded = ticket.create_date + timedelta(hours=rng.uniform(0.2, 6))
        closed = responded + timedelta(hours=rng.uniform(1, 40))
        if ticket.cs_kind == "consultation":
            closed = responded  # answered and closed in one step
        if closed > now:
            continue
        with clock_at(env, responded):
            ticket.cs_solution = "<p>您好，以下是我們的答覆。謝謝</p>"
            if ticket.cs_kind == "consultation":
                ticket.action_cs_answer_and_close()
            elif ticket.cs_kind == "complaint":
                _walk_complaint(env, ticket, until="followup")
            else:
                ticket.action_cs_tell_result()
        with clock_at(env, closed):
            if ticket.cs_kind == "complaint":
                _walk_complaint(env, ticket, until="closed")
            elif ticket.cs_kind != "consultation":
                ticket.stage_id = closed_stage
            if rng.random() < 0.6:
                value = rng.choice([5, 5, 5, 3, 1])
                env["rating.rating"].create(
                    {
                        "res_model_id": env["ir.model"]._get_id("helpdesk.ticket"),
                        "res_id": ticket.id,
                        "partner_id": ticket.partner_id.id,
                        "rating": value,
                        "consumed": True,
                        "feedback": PRAISE if _praised(ticket, value) else False,
                    }
                )
                if _praised(ticket, value):
                    ticket.action_cs_record_commendation()


# one top rating in six comes with a word of praise, which the agent
# records as the customer's commendation (issue 15)
PRAISE = "服務很親切，說明也很清楚，謝謝！"


def _praised(ticket, value):
    return value == 5 and ticket.id % 6 == 0 and bool(ticket.user_id.employee_ids)


def _walk_complaint(env, ticket, until):
    """Move the complaint on, step by step, up to ``until``."""
    cause = env.ref("cs_management.root_cause_quality")
    department = env.ref("cs_management.department_quality")
    steps = (
        ("verification", {"cs_severity": "normal", **_about_earlier(env, ticket)}),
        ("investigation", {"cs_department_id": department.id}),
        (
            "solution",
            {
                "cs_root_cause_id": cause.id,
                "cs_responsible_party": "供應商",
                "cs_solution_user_id": ticket.user_id.id,
                "cs_solution_deadline": fields.Date.context_today(ticket),
            },
        ),
        ("feedback", {}),
        ("followup", {"cs_satisfaction": "4"}),
        ("closed", {"cs_summary": "已解決；已通知供應商。"}),
    )
    names = [step for step, _values in steps]
    first = (
        names.index(ticket.stage_id.cs_step) + 1
        if ticket.stage_id.cs_step in names
        else 0
    )
    for step, values in steps[first : names.index(until) + 1]:
        if step == "feedback":
            ticket.action_cs_tell_result()
        if step == "closed":
            ticket.cs_followup_ids.write({"reached": True, "satisfaction": "4"})
            ticket.cs_followup_ids.action_done()
        ticket.write(dict(values, stage_id=env.ref(f"cs_management.stage_{step}").id))


def _about_earlier(env, ticket):
    """The supervisor's verification: the complaint is about the customer's
    last contact before it, whose agent it is charged to (issue 15)."""
    earlier = env["helpdesk.ticket"].search(
        [
            ("commercial_partner_id", "=", ticket.commercial_partner_id.id),
            ("company_id", "=", ticket.company_id.id),
            ("id", "<", ticket.id),
            ("cs_kind", "!=", "complaint"),
        ],
        order="id desc",
        limit=1,
    )
    return {"cs_about_ticket_id": earlier.id} if earlier else {}
