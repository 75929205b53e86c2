"""Time ticket creation and stage moves with and without our addons.

Run through bench/tickets.sh. The two products (or the two sizes) take turns,
batch by batch, each in its own long transaction; prints both and the ratios.
"""

import argparse
import itertools
import json
import time

import dataset

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

BATCH = 500
MOVE_BATCH = 50


def setup_common(env, agent_group):
    env.company.email = "service@example.com"
    partners = env["res.partner"].create(
        [
            {"name": f"Customer {i}", "email": f"customer{i}@example.com"}
            for i in range(100)
        ]
    )
    agent = env["res.users"].create(
        {
            "name": "Bench Agent",
            "login": "bench_agent",
            "email": "agent@example.com",
            "groups_id": [(4, env.ref(agent_group).id)],
        }
    )
    team = env["helpdesk.ticket.team"].create(
        {"name": "Bench Team", "use_sla": True, "user_ids": [(4, agent.id)]}
    )
    return partners, agent, team


class Plain:
    """The same service process set up with helpdesk_mgmt's own tools:
    seven stages, the same two deadlines, a rating request on closing, the
    solution posted to the customer. What remains different is our code."""

    STEPS = [
        "verification",
        "investigation",
        "solution",
        "feedback",
        "followup",
        "closed",
    ]

    def __init__(self, env):
        self.env = env
        # an agent restricted to its team's tickets, as ours are
        self.partners, self.agent, self.team = setup_common(
            env, "helpdesk_mgmt.group_helpdesk_user_team"
        )
        Stage = env["helpdesk.ticket.stage"]
        Stage.search([]).active = False
        names = [
            "Acceptance",
            "Verification",
            "Investigation",
            "Solution",
            "Feedback",
            "Follow-up",
            "Closed",
        ]
        stages = Stage.create(
            [{"name": name, "sequence": 10 * (i + 1)} for i, name in enumerate(names)]
        )
        stages[-1].write(
            {
                "closed": True,
                "rating_mail_template_id": env.ref(
                    "helpdesk_mgmt_rating.rating_ticket_email_template"
                ).id,
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
        for step, stage in zip(self.STEPS, self.stages, strict=True):
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
        self.partners, self.agent, self.team = setup_common(
            env, "cs_management.group_cs_agent"
        )
        if env["ir.config_parameter"].get_param("cs_bench.history"):
            # customers who already have tickets in the history
            self.partners = env["res.partner"].search(
                [("name", "=like", "Bench Customer %")], limit=100
            )
        ref = env.ref
        steps = [
            "verification",
            "investigation",
            "solution",
            "feedback",
            "followup",
            "closed",
        ]
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


class Run:
    """One product's work in one long transaction, done in steps so that
    two products can take turns: the machine's load then falls on both."""

    def __init__(self, dbname, scenario_class, count, moved_count):
        self.dbname, self.scenario_class = dbname, scenario_class
        self.count, self.moved_count = count, moved_count
        self.created = self.moved = 0.0
        self.per_ticket = []

    def steps(self):
        registry = Registry(self.dbname)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            scenario = self.scenario_class(env)
            env.flush_all()
            self.moves = self.moved_count * len(scenario.stages)
            Ticket = env["helpdesk.ticket"].with_user(scenario.agent)
            tickets = Ticket.browse()
            indexes = iter(range(self.count))
            yield
            while batch := list(itertools.islice(indexes, BATCH)):
                start = time.perf_counter()
                tickets |= Ticket.create(
                    [scenario.values(i, i < self.moved_count) for i in batch]
                )
                env.flush_all()
                self.created += time.perf_counter() - start
                yield
            for offset in range(0, self.moved_count, MOVE_BATCH):
                start = time.perf_counter()
                for ticket in tickets[
                    offset : min(offset + MOVE_BATCH, self.moved_count)
                ]:
                    began = time.perf_counter()
                    scenario.move(ticket)
                    self.per_ticket.append(time.perf_counter() - began)
                env.flush_all()
                self.moved += time.perf_counter() - start
                yield
            cr.rollback()

    def result(self):
        return {
            "create_s": round(self.created, 1),
            "ms_per_create": round(1000 * self.created / self.count, 2),
            "move_s": round(self.moved, 1),
            "moves": self.moves,
            "ms_per_move": round(1000 * self.moved / self.moves, 2),
            # a move's cost early and late in the one transaction: flat means ~1
            "late_vs_early_moves": round(
                tenth(self.per_ticket, -1) / tenth(self.per_ticket, 0), 2
            ),
        }


def measure_side_by_side(first, second):
    """Both runs, a step of one then a step of the other, to the end."""
    pending = [first.steps(), second.steps()]
    while pending:
        for steps in list(pending):
            if next(steps, StopIteration) is StopIteration:
                pending.remove(steps)
    return first.result(), second.result()


def tenth(durations, which):
    """The total of the first (0) or last (-1) tenth of ``durations``."""
    size = max(1, len(durations) // 10)
    return sum(durations[:size] if which == 0 else durations[-size:])


def history(size):
    """Give ``cs_bench_ours_<size>`` ``size`` tickets of history over the
    year before the measured work, once (bench/dataset.py)."""
    dbname = f"cs_bench_ours_{size}"
    employees = max(20, min(1_000, size // 1_000))

    def generate(env):
        dataset.generate_service(env, size, "2025-01-01", 365, "2025-12-31")
        env.cr.execute(
            """
            UPDATE res_partner SET email = 'customer' || id || '@example.com',
                                   email_normalized = 'customer' || id || '@example.com'
             WHERE name LIKE 'Bench Customer %'
            """
        )

    dataset.prepare_once(dbname, "cs_bench.history", employees, size, generate)


def compare_sizes(size, count, moved_count):
    """The same work on 10,000 and on ``size`` tickets of history."""
    small, large = measure_side_by_side(
        Run("cs_bench_ours_10000", Ours, count, moved_count),
        Run(f"cs_bench_ours_{size}", Ours, count, moved_count),
    )
    return {
        "tickets": count,
        "moved": moved_count,
        "history_10000": small,
        f"history_{size}": large,
        "ratio_create": round(large["create_s"] / small["create_s"], 2),
        "ratio_per_move": round(large["ms_per_move"] / small["ms_per_move"], 2),
    }


def compare_products(count, moved_count):
    plain, ours = measure_side_by_side(
        Run("cs_bench_plain", Plain, count, moved_count),
        Run("cs_bench_ours", Ours, count, moved_count),
    )
    return {
        "tickets": count,
        "moved": moved_count,
        "plain": plain,
        "ours": ours,
        "ratio_create": round(ours["create_s"] / plain["create_s"], 2),
        "ratio_total": round(
            (ours["create_s"] + ours["move_s"]) / (plain["create_s"] + plain["move_s"]),
            2,
        ),
        "ratio_per_move": round(ours["ms_per_move"] / plain["ms_per_move"], 2),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--tickets", type=int, default=10_000)
    parser.add_argument("--moved", type=int, default=1_000)
    parser.add_argument(
        "--size", type=int, help="compare 10,000 tickets of history with this many"
    )
    parser.add_argument(
        "--history", type=int, help="only build the history of cs_bench_ours_<history>"
    )
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    if args.history:
        history(args.history)
        return
    if args.size:
        result = compare_sizes(args.size, args.tickets, args.moved)
    else:
        result = compare_products(args.tickets, args.moved)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
