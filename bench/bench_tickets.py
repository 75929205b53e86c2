"""Time ticket creation and stage moves with and without our addons.

Run through bench/tickets.sh. Prints one line per database and the ratio.
"""

import argparse
import itertools
import json
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

BATCH = 500


def setup_common(env, agent_group):
    env.company.email = "service@example.com"
    partners = env["res.partner"].create(
        [{"name": f"Customer {i}", "email": f"customer{i}@example.com"} for i in range(100)]
    )
    agent = env["res.users"].create(
        {"name": "Bench Agent", "login": "bench_agent", "email": "agent@example.com", "groups_id": [(4, env.ref(agent_group).id)]}
    )
    team = env["helpdesk.ticket.team"].create({"name": "Bench Team", "use_sla": True, "user_ids": [(4, agent.id)]})
    return partners, agent, team


class Plain:
    """The same service process set up with helpdesk_mgmt's own tools:
    seven stages, the same two deadlines, a rating request on closing, the
    solution posted to the customer. What remains different is our code."""

    STEPS = ["verification", "investigation", "solution", "feedback", "followup", "closed"]

    def __init__(self, env):
        self.env = env
        # an agent restricted to its team's tickets, as ours are
        self.partners, self.agent, self.team = setup_common(env, "helpdesk_mgmt.group_helpdesk_user_team")
        Stage = env["helpdesk.ticket.stage"]
        Stage.search([]).active = False
        names = ["Acceptance", "Verification", "Investigation", "Solution", "Feedback", "Follow-up", "Closed"]
        stages = Stage.create([{"name": name, "sequence": 10 * (i + 1)} for i, name in enumerate(names)])
        stages[-1].write(
            {
                "closed": True,
                "rating_mail_template_id": env.ref("helpdesk_mgmt_rating.rating_ticket_email_template").id,
            }
        )
        self.stages = stages[1:]
        Category = env["helpdesk.ticket.category"]
        self.consultation = Category.create({"name": "Consultation"})
        self.complaint = Category.create({"name": "Complaint"})
        env["helpdesk.sla"].create(
            [
                {"name": "First response", "hours": 4, "stage_id": stages[1].id},
                {
                    "name": "Resolution",
                    "days": 3,
                    "stage_id": stages[4].id,
                    "category_ids": [(6, 0, self.complaint.ids)],
                },
            ]
        )
        self.channel = env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")

    def values(self, index, moved):
        return {
            "name": f"Request {index}",
            "description": "<p>The customer asks something.</p>",
            "partner_id": self.partners[index % 100].id,
            "team_id": self.team.id,
            "user_id": self.agent.id,
            "channel_id": self.channel.id,
            "category_id": (self.complaint if moved else self.consultation).id,
        }

    def move(self, ticket):
        for step, stage in zip(self.STEPS, self.stages):
            if step == "feedback":
                ticket.message_post(
                    body="<p>您好, we refund it. 謝謝</p>",
                    partner_ids=ticket.partner_id.ids,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
            ticket.stage_id = stage


class Ours(Plain):
    """Our complaint process: kinds, gates, shipped deadlines."""

    def __init__(self, env):
        self.env = env
        self.partners, self.agent, self.team = setup_common(env, "cs_management.group_cs_agent")
        ref = env.ref
        steps = ["verification", "investigation", "solution", "feedback", "followup", "closed"]
        self.stages = [ref(f"cs_management.stage_{step}") for step in steps]
        self.channel = ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        self.consultation = ref("cs_management.category_consultation")
        self.complaint = ref("cs_management.category_complaint")
        self.department = env["hr.department"].create({"name": "Bench Quality"})
        self.cause = ref("cs_management.root_cause_quality")

    def move(self, ticket):
        data = {
            "verification": {"cs_severity": "normal"},
            "investigation": {"cs_department_id": self.department.id},
            "solution": {
                "cs_root_cause_id": self.cause.id,
                "cs_responsible_party": "Supplier",
                "cs_solution": "<p>您好, we refund it. 謝謝</p>",
                "cs_solution_user_id": self.agent.id,
                "cs_solution_deadline": "2030-01-31",
            },
            "followup": {"cs_satisfaction": "4"},
            "closed": {"cs_summary": "Solved."},
        }
        for stage in self.stages:
            if stage.cs_step == "feedback":
                ticket.action_cs_tell_result()
            if stage.cs_step == "closed":
                ticket.cs_followup_ids.write({"reached": True, "satisfaction": "5"})
                ticket.cs_followup_ids.action_done()
            # as the form does: the step's data and the stage in one save
            ticket.write(dict(data.get(stage.cs_step, {}), stage_id=stage.id))


def measure(dbname, scenario_class, count, moved_count):
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        scenario = scenario_class(env)
        env.flush_all()
        Ticket = env["helpdesk.ticket"].with_user(scenario.agent)
        start = time.perf_counter()
        tickets = Ticket.browse()
        indexes = iter(range(count))
        while batch := list(itertools.islice(indexes, BATCH)):
            tickets |= Ticket.create([scenario.values(i, i < moved_count) for i in batch])
        env.flush_all()
        created = time.perf_counter() - start
        start = time.perf_counter()
        for ticket in tickets[:moved_count]:
            scenario.move(ticket)
        env.flush_all()
        moved = time.perf_counter() - start
        moves = moved_count * len(scenario.stages)
        cr.rollback()
    return {"create_s": round(created, 1), "move_s": round(moved, 1), "moves": moves, "ms_per_move": round(1000 * moved / moves, 2)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--tickets", type=int, default=10_000)
    parser.add_argument("--moved", type=int, default=1_000)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    plain = measure("cs_bench_plain", Plain, args.tickets, args.moved)
    ours = measure("cs_bench_ours", Ours, args.tickets, args.moved)
    result = {
        "tickets": args.tickets,
        "moved": args.moved,
        "plain": plain,
        "ours": ours,
        "ratio_create": round(ours["create_s"] / plain["create_s"], 2),
        "ratio_total": round((ours["create_s"] + ours["move_s"]) / (plain["create_s"] + plain["move_s"]), 2),
        "ratio_per_move": round(ours["ms_per_move"] / plain["ms_per_move"], 2),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
