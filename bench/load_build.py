"""Datasets of the load test (bench/load.sh), built once per database.

ours: dataset.py's organisation of 1,000 service employees and a year of
1,000,000 tickets. plain: helpdesk_mgmt + sla + rating set up as the
``Plain`` class of bench_tickets.py (stages, deadlines, rating on closing),
the same organisation in teams of plain helpdesk users, and the same year
generated the same way in SQL for plain's own tables. Every bench user gets
the password ``LOAD_PASSWORD``; the agents the load test logs in as are
written to .cs/load/<product>-agents.json.
"""

import argparse
import json
import os
from datetime import date, timedelta

from bench_tickets import Plain
from dataset import (
    AGENTS_PER_SUPERVISOR,
    KINDS,
    generate_service,
    insert_customers,
    prepare_once,
)

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry

LOAD_PASSWORD = "load-bench"
MARKER = "cs_bench_load.dataset"
YEAR_END = date(2026, 11, 30)
YEAR_START = YEAR_END - timedelta(days=364)


def generate_ours(env, tickets):
    generate_service(env, tickets, YEAR_START, 365, YEAR_END)
    # stored related fields dataset.py leaves empty: the ticket menus filter
    # on cs_process, the kanban shows unattended
    env.cr.execute(
        """
        UPDATE helpdesk_ticket t
           SET cs_process = tm.cs_process,
               unattended = COALESCE(st.unattended, false),
               last_stage_update = t.create_date, cs_followup_done = false
          FROM helpdesk_ticket_team tm, helpdesk_ticket_stage st
         WHERE tm.id = t.team_id AND st.id = t.stage_id
           AND t.name LIKE 'Bench request %%'
        """
    )
    env.cr.execute("ANALYZE helpdesk_ticket")


def build_plain_organisation(env, count):
    """The same shape as dataset.build_organisation for plain helpdesk: a
    team per supervisor of 19 agents, every member a helpdesk user who sees
    his team's tickets (``group_helpdesk_user_team``)."""
    Plain(env)
    supervisors = max(1, round(count / (AGENTS_PER_SUPERVISOR + 1)))
    groups = (
        env.ref("base.group_user") | env.ref("helpdesk_mgmt.group_helpdesk_user_team")
    ).ids
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
    specs = [(f"Bench Supervisor {n}", f"bench_sup_{n}") for n in range(supervisors)]
    specs += [
        (f"Bench Agent {n}", f"bench_agent_{n}") for n in range(count - supervisors)
    ]
    users = env["res.users"]
    for start in range(0, len(specs), 200):
        users |= Users.create(
            [
                {"name": name, "login": login, "groups_id": [Command.set(groups)]}
                for name, login in specs[start : start + 200]
            ]
        )
    leaders, agents = users[:supervisors], users[supervisors:]
    env["helpdesk.ticket.team"].create(
        [
            {
                "name": f"Bench Team {n}",
                "use_sla": True,
                "user_ids": [Command.set((leader | agents[n::supervisors]).ids)],
            }
            for n, leader in enumerate(leaders)
        ]
    )


def generate_plain(env, tickets):
    """dataset.generate_service's draws (same seed, shares and skew) on
    plain's tables: tickets, their 'First response' and 'Resolution'
    deadline lines as helpdesk_mgmt_sla keeps them, and the ratings."""
    cr = env.cr
    Stage = env["helpdesk.ticket.stage"]
    stage = {s.name: s.id for s in Stage.search([])}
    Category = env["helpdesk.ticket.category"]
    categories = {c.name: c.id for c in Category.search([])}
    names = {
        "consultation": "Consultation",
        "complaint": "Complaint",
        "after_sales": "After-sales",
        "order": "Order",
        "suggestion": "Suggestion",
    }
    for name in names.values():
        if name not in categories:
            categories[name] = Category.create({"name": name}).id
    kind_case = " ".join(
        f"WHEN d.k * 100 < {sum(share for _kind, share in KINDS[: i + 1])}"
        f" THEN '{kind}'"
        for i, (kind, _share) in enumerate(KINDS)
    )
    category_case = " ".join(
        f"WHEN '{kind}' THEN {categories[name]}" for kind, name in names.items()
    )
    slas = {s.name: s for s in env["helpdesk.sla"].search([])}
    first, resolution = slas["First response"], slas["Resolution"]
    env.flush_all()
    cr.execute("SELECT setseed(0.42)")
    insert_customers(cr)
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id"
        " WHERE name LIKE 'Bench Customer %'"
    )
    cr.execute("SELECT min(id) FROM res_partner WHERE name LIKE 'Bench Customer %'")
    first_customer = cr.fetchone()[0]
    cr.execute(
        """
        CREATE TEMP TABLE bench_agents AS
        SELECT row_number() OVER (ORDER BY u.id) - 1 AS n, u.id AS user_id,
               r.helpdesk_ticket_team_id AS team_id, u.company_id
          FROM res_users u
          JOIN helpdesk_ticket_team_res_users_rel r ON r.res_users_id = u.id
         WHERE u.login LIKE 'bench\\_sup\\_%%' OR u.login LIKE 'bench\\_agent\\_%%'
        """
    )
    cr.execute("SELECT count(*) FROM bench_agents")
    agents = cr.fetchone()[0]
    cr.execute(
        f"""
        WITH draws AS (
            SELECT n, random() AS s, random() AS k,
                   {first_customer} + floor(random() * 20000)::int AS customer,
                   %s::timestamp + floor(power(random(), 1.2) * %s) * interval '1 day'
                       + (8 + random() * 10) * interval '1 hour' AS received,
                   round((random() * 8)::numeric, 2)::float AS response,
                   round((1 + random() * 60)::numeric, 2)::float AS handling,
                   floor(power(random(), 1.5) * %s)::int AS agent
              FROM generate_series(1, %s) n
        ), tickets AS (
            SELECT d.*, CASE {kind_case} END AS kind FROM draws d
        )
        INSERT INTO helpdesk_ticket (
            number, name, description, company_id, team_id, user_id, partner_id,
            commercial_partner_id, category_id, stage_id, create_date, write_date,
            last_stage_update, assigned_date, closed_date, unattended, active,
            priority, kanban_state, rating_status
        )
        SELECT 'B' || t.n, 'Bench request ' || t.n, '<p>Bench</p>', a.company_id,
               a.team_id, a.user_id, t.customer, t.customer,
               CASE t.kind {category_case} END,
               CASE WHEN t.s < 0.80 THEN {stage["Closed"]}
                    WHEN t.s < 0.87 THEN {stage["Feedback"]}
                    WHEN t.s < 0.95 THEN {stage["Investigation"]}
                    ELSE {stage["Acceptance"]} END,
               t.received, t.received, t.received, t.received,
               CASE WHEN t.s < 0.80
                    THEN t.received + t.handling * interval '1 hour' END,
               t.s >= 0.95, true, '1', 'normal', 'no_rating'
          FROM tickets t
          JOIN bench_agents a ON a.n = t.agent
        """,
        (YEAR_START, 365, agents, tickets),
    )
    # helpdesk_mgmt_sla's lines: reached when the ticket is at or past the
    # line's stage, else running (expired once past its deadline)
    cr.execute(
        """
        INSERT INTO helpdesk_ticket_sla (ticket_id, sla_id, deadline, hours,
                                         expected_stage_id, consumed_time,
                                         last_state_date, state, create_date,
                                         write_date)
        SELECT t.id, s.id, t.create_date + s.hours * interval '1 hour', s.hours,
               s.stage_id, 0, t.create_date,
               CASE WHEN st.sequence >= es.sequence THEN 'accomplished'
                    WHEN t.create_date + s.hours * interval '1 hour' < now()
                    THEN 'expired'
                    ELSE 'in_progress' END,
               t.create_date, t.create_date
          FROM helpdesk_ticket t
          JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
          JOIN (VALUES (%s, %s::float, %s), (%s, %s::float, %s))
               s (id, hours, stage_id) ON true
          JOIN helpdesk_ticket_stage es ON es.id = s.stage_id
         WHERE t.name LIKE 'Bench request %%'
           AND (s.id = %s OR t.category_id = %s)
        """,
        (
            first.id,
            first.hours,
            first.stage_id.id,
            resolution.id,
            resolution.days * 24.0,
            resolution.stage_id.id,
            first.id,
            categories["Complaint"],
        ),
    )
    model_id = env["ir.model"]._get_id("helpdesk.ticket")
    cr.execute(
        f"""
        INSERT INTO rating_rating (res_model_id, res_model, res_id, partner_id,
                                   rated_partner_id, rating, rating_text, consumed,
                                   access_token, create_date, write_date)
        SELECT {model_id}, 'helpdesk.ticket', t.id, t.partner_id, u.partner_id,
               r.value, CASE r.value WHEN 5 THEN 'top' WHEN 3 THEN 'ok' ELSE 'ko' END,
               true, md5(t.id::text),
               LEAST(t.closed_date + interval '1 day', timestamp %s), t.closed_date
          FROM helpdesk_ticket t
          JOIN res_users u ON u.id = t.user_id
          CROSS JOIN LATERAL (SELECT random() AS p) d
          CROSS JOIN LATERAL (SELECT CASE WHEN d.p < 0.6 THEN 5
                                          WHEN d.p < 0.85 THEN 3
                                          ELSE 1 END AS value) r
         WHERE t.name LIKE 'Bench request %%' AND t.closed_date IS NOT NULL
           AND random() < 0.35
        """,
        (f"{YEAR_END} 23:00:00",),
    )
    cr.execute(
        "ANALYZE helpdesk_ticket; ANALYZE helpdesk_ticket_sla;"
        " ANALYZE rating_rating; ANALYZE res_partner"
    )


def plain_prepare(dbname, employees, tickets):
    """prepare_once for plain: its organisation is not dataset.py's."""
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        dataset = f"{employees} employees, {tickets} tickets"
        Param = env["ir.config_parameter"]
        if Param.get_param(MARKER) == dataset:
            return
        if Param.get_param(MARKER):
            raise SystemExit(
                f"{dbname} holds another dataset ({Param.get_param(MARKER)}):"
                " drop it to change sizes."
            )
        build_plain_organisation(env, employees)
        env.flush_all()
        generate_plain(env, tickets)
        Param.set_param(MARKER, dataset)
        cr.commit()


def next_stage_move(env, product):
    """The stage move the agents make: acceptance to verification, with the
    data our verification step asks for (as bench_tickets.Ours does)."""
    if product == "ours":
        stage = {
            step: env.ref(f"cs_management.stage_{step}").id
            for step in ("acceptance", "verification")
        }
        return {
            "from": stage["acceptance"],
            "to": stage["verification"],
            "vals": {"cs_severity": "normal"},
        }
    stage = {s.name: s.id for s in env["helpdesk.ticket.stage"].search([])}
    return {"from": stage["Acceptance"], "to": stage["Verification"], "vals": {}}


def give_passwords(dbname):
    """One hash for every bench user: hashing 1,000 passwords one by one
    would take minutes (pbkdf2)."""
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        hashed = env["res.users"]._crypt_context().hash(LOAD_PASSWORD)
        cr.execute(
            r"UPDATE res_users SET password = %s WHERE login LIKE 'bench\_%%'",
            (hashed,),
        )
        # agents have an e-mail address, as real ones do (posting needs one)
        cr.execute(
            r"""
            UPDATE res_partner p SET email = u.login || '@example.com'
              FROM res_users u
             WHERE u.partner_id = p.id AND u.login LIKE 'bench\_%%'
               AND p.email IS NULL
            """
        )
        # the agents, spread over the teams, with the role they have
        cr.execute(
            r"""
            SELECT u.login, u.id, r.helpdesk_ticket_team_id
              FROM res_users u
              JOIN helpdesk_ticket_team_res_users_rel r ON r.res_users_id = u.id
             WHERE u.login LIKE 'bench\_agent\_%%' ORDER BY u.id
            """
        )
        agents = [
            {"login": login, "uid": uid, "team_id": team}
            for login, uid, team in cr.fetchall()
        ]
        if "hr.employee" in env and "cs_role_id" in env["hr.employee"]._fields:
            roles = {
                e.user_id.id: e.cs_role_id.name
                for e in env["hr.employee"].search([("name", "like", "Bench Agent")])
            }
            for agent in agents:
                agent["role"] = roles.get(agent["uid"])
        return agents, next_stage_move(env, "ours" if "cs.store" in env else "plain")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--product", choices=("ours", "plain"), required=True)
    parser.add_argument("--employees", type=int, default=1_000)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument(
        "--out", default=os.path.join(os.path.dirname(__file__), "..", ".cs", "load")
    )
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    if args.product == "ours":
        prepare_once(
            args.database,
            MARKER,
            args.employees,
            args.tickets,
            lambda env: generate_ours(env, args.tickets),
        )
    else:
        plain_prepare(args.database, args.employees, args.tickets)
    agents, move = give_passwords(args.database)
    with open(os.path.join(args.out, f"{args.product}-agents.json"), "w") as out:
        json.dump({"password": LOAD_PASSWORD, "agents": agents, "move": move}, out)
    print(f"{args.database}: {len(agents)} agents ready", flush=True)


if __name__ == "__main__":
    main()
