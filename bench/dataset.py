"""Benchmark datasets, generated once per database: an organisation of
service employees (through the ORM) and months of service in SQL (tickets
over agents, days and kinds, their deadline lines, ratings, and for the KPI
benchmark quality inspections and hand-offs)."""

import argparse
import time

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tools.sql import column_exists

AGENTS_PER_SUPERVISOR = 19
# kinds of ticket and their share of the month, in per cent
KINDS = (
    ("consultation", 50),
    ("after_sales", 20),
    ("complaint", 15),
    ("order", 10),
    ("suggestion", 5),
)
# roles of the agents, in per cent
AGENT_ROLES = (("specialist", 50), ("aftersales", 20), ("presales", 18), ("social", 12))


def build_organisation(env, count):
    """``count`` service employees: supervisors leading teams of agents in
    stores, each store with its helpdesk team."""
    ref = env.ref
    role = {
        code: ref(f"cs_management.role_{code}")
        for code in ("cs_manager", "supervisor", *dict(AGENT_ROLES))
    }
    supervisors = max(1, round(count / (AGENTS_PER_SUPERVISOR + 1)))
    stores = env["cs.store"].create(
        [{"code": f"B{n:03d}", "name": f"Bench Store {n}"} for n in range(supervisors)]
    )
    teams = env["helpdesk.ticket.team"].create(
        [
            {"name": f"Bench Team {n}", "cs_store_id": store.id, "use_sla": True}
            for n, store in enumerate(stores)
        ]
    )
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
    Employees = env["hr.employee"].with_context(tracking_disable=True)

    def people(specs):
        users = Users.create(
            [
                {
                    "name": name,
                    "login": login,
                    "groups_id": [Command.set(ref("base.group_user").ids)],
                }
                for name, login, *_ in specs
            ]
        )
        return Employees.create(
            [
                {
                    "name": name,
                    "user_id": user.id,
                    "cs_role_id": role_.id,
                    "cs_store_id": store.id,
                    "parent_id": parent.id,
                }
                for (name, _login, role_, store, parent), user in zip(
                    specs, users, strict=True
                )
            ]
        )

    manager = people(
        [
            (
                "Bench Manager",
                "bench_manager",
                role["cs_manager"],
                env["cs.store"],
                env["hr.employee"],
            )
        ]
    )
    leaders = people(
        [
            (
                f"Bench Supervisor {n}",
                f"bench_sup_{n}",
                role["supervisor"],
                store,
                manager,
            )
            for n, store in enumerate(stores)
        ]
    )
    shares = [code for code, share in AGENT_ROLES for _ in range(share)]
    specs = []
    for n in range(count - supervisors):
        team = n % supervisors
        specs.append(
            (
                f"Bench Agent {n}",
                f"bench_agent_{n}",
                role[shares[n % 100]],
                stores[team],
                leaders[team],
            )
        )
    agents = env["hr.employee"]
    for start in range(0, len(specs), 200):
        agents |= people(specs[start : start + 200])
    for team, leader in zip(teams, leaders, strict=True):
        members = agents.filtered(lambda e, leader=leader: e.parent_id == leader)
        team.user_ids = [Command.set((leader | members).user_id.ids)]
    return leaders | agents


def insert_customers(cr, count=20000):
    """``count`` customers 'Bench Customer N', their own commercial partners."""
    # account (with cs_sale) adds a column without a database default
    billing = column_exists(cr, "res_partner", "autopost_bills")
    cr.execute(
        f"""
        INSERT INTO res_partner (name, active, type, is_company, create_date,
                                 write_date{", autopost_bills" if billing else ""})
        SELECT 'Bench Customer ' || g, true, 'contact', false, now(),
               now(){", 'ask'" if billing else ""}
          FROM generate_series(1, %s) g
        """,
        [count],
    )


def generate_service(env, tickets, start, days, until):
    """``tickets`` tickets received over ``days`` days from ``start`` in SQL,
    over the agents' teams, with their first-response and resolution deadline
    lines and ratings for about a third of the closed ones (rated no later
    than ``until``)."""
    cr = env.cr
    ref = env.ref
    kinds = {kind: ref(f"cs_management.category_{kind}").id for kind, _share in KINDS}
    kind_case = " ".join(
        f"WHEN d.k * 100 < {sum(share for _kind, share in KINDS[: i + 1])}"
        f" THEN '{kind}'"
        for i, (kind, _share) in enumerate(KINDS)
    )
    category_case = " ".join(
        f"WHEN '{kind}' THEN {category}" for kind, category in kinds.items()
    )
    stage = {
        step: ref(f"cs_management.stage_{step}").id
        for step in ("acceptance", "investigation", "feedback", "closed")
    }
    first_response = ref("cs_management.sla_first_response").id
    resolution = {
        "complaint": ref("cs_management.sla_resolution_complaint_normal").id,
        "after_sales": ref("cs_management.sla_resolution_after_sales").id,
        "order": ref("cs_management.sla_resolution_order").id,
    }
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
        SELECT row_number() OVER (ORDER BY e.id) - 1 AS n, e.user_id,
               t.id AS team_id, e.cs_store_id, e.company_id
          FROM hr_employee e
          JOIN helpdesk_ticket_team t ON t.cs_store_id = e.cs_store_id
         WHERE e.name LIKE 'Bench %' AND e.cs_store_id IS NOT NULL
        """
    )
    cr.execute("SELECT count(*) FROM bench_agents")
    agents = cr.fetchone()[0]
    # draws: s the ticket's progress (80 % closed), k its kind, busier agents
    # (a skewed draw) and more tickets early in the month
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
            number, name, description, company_id, team_id, user_id, cs_store_id,
            partner_id, commercial_partner_id, category_id, cs_kind, stage_id, closed,
            create_date, write_date, cs_received_at, cs_first_response_date,
            closed_date, cs_solved_date, cs_first_response_hours, cs_resolution_hours,
            cs_reopen_count, active,
            rating_status, priority, kanban_state
        )
        SELECT 'B' || t.n, 'Bench request ' || t.n, '<p>Bench</p>', a.company_id,
               a.team_id, a.user_id, a.cs_store_id, t.customer, t.customer,
               CASE t.kind {category_case} END, t.kind,
               CASE WHEN t.s < 0.80 THEN {stage["closed"]}
                    WHEN t.s < 0.87 THEN {stage["feedback"]}
                    WHEN t.s < 0.95 THEN {stage["investigation"]}
                    ELSE {stage["acceptance"]} END,
               t.s < 0.80,
               t.received, t.received, t.received,
               CASE WHEN t.s < 0.95
                    THEN t.received + t.response * interval '1 hour' END,
               CASE WHEN t.s < 0.80
                    THEN t.received + t.handling * interval '1 hour' END,
               CASE WHEN t.s < 0.80
                    THEN t.received + t.handling * interval '1 hour' END,
               CASE WHEN t.s < 0.95 THEN t.response ELSE 0 END,
               CASE WHEN t.s < 0.80 THEN t.handling ELSE 0 END,
               CASE WHEN random() < 0.03 THEN 1 ELSE 0 END, true, 'no_rating', '1',
               'normal'
          FROM tickets t
          JOIN bench_agents a ON a.n = t.agent
        """,
        (start, days, agents, tickets),
    )
    cr.execute(
        f"""
        INSERT INTO helpdesk_ticket_sla (ticket_id, sla_id, state, deadline,
                                         create_date, write_date)
        SELECT t.id, {first_response},
               CASE WHEN t.cs_first_response_hours <= 4
                         AND t.cs_first_response_date IS NOT NULL
                    THEN 'accomplished'
                    ELSE 'expired' END,
               t.create_date + interval '4 hours', t.create_date, t.create_date
          FROM helpdesk_ticket t WHERE t.name LIKE 'Bench request %'
        UNION ALL
        SELECT t.id, CASE t.cs_kind WHEN 'complaint' THEN {resolution["complaint"]}
                                    WHEN 'after_sales' THEN {resolution["after_sales"]}
                                    ELSE {resolution["order"]} END,
               CASE WHEN t.closed_date IS NOT NULL AND t.cs_resolution_hours <= 48
                    THEN 'accomplished'
                    ELSE 'expired' END,
               t.create_date + interval '3 days', t.create_date, t.create_date
          FROM helpdesk_ticket t
         WHERE t.name LIKE 'Bench request %'
           AND t.cs_kind IN ('complaint', 'after_sales', 'order')
        """
    )
    # what the ORM keeps on the ticket: the state of each deadline target
    for target, prefix in (
        ("first_response", "cs_reply"),
        ("resolution", "cs_resolution"),
    ):
        cr.execute(
            f"""
            UPDATE helpdesk_ticket t
               SET {prefix}_deadline = l.deadline,
                   {prefix}_state = CASE l.state WHEN 'accomplished' THEN 'met'
                                                 WHEN 'expired' THEN 'missed'
                                                 ELSE 'running' END
              FROM helpdesk_ticket_sla l JOIN helpdesk_sla s ON s.id = l.sla_id
             WHERE l.ticket_id = t.id AND s.cs_target = %s
               AND t.name LIKE 'Bench request %%'
            """,
            (target,),
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
        (f"{until} 23:00:00",),
    )
    cr.execute(
        "ANALYZE helpdesk_ticket; ANALYZE helpdesk_ticket_sla;"
        " ANALYZE rating_rating; ANALYZE res_partner"
    )


def prepare_once(dbname, marker, employees, tickets, generate):
    """Build the dataset in ``dbname`` unless it is there already: the
    organisation of ``employees``, then ``generate(env)``. The size is kept
    in the ``marker`` parameter, so that another size asks for a new
    database."""
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        dataset = f"{employees} employees, {tickets} tickets"
        Param = env["ir.config_parameter"]
        if Param.get_param(marker) == dataset:
            return
        if Param.get_param(marker):
            raise SystemExit(
                f"{dbname} holds another dataset ({Param.get_param(marker)}):"
                " drop it to change sizes."
            )
        start = time.perf_counter()
        build_organisation(env, employees)
        env.flush_all()
        generate(env)
        Param.set_param(marker, dataset)
        cr.commit()
    vacuum(dbname)
    print(f"dataset built in {time.perf_counter() - start:.0f} s", flush=True)


def vacuum(dbname):
    """The generation rewrote whole tables (an UPDATE per deadline target):
    measure on tables as a running database keeps them, vacuumed."""
    with Registry(dbname).cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute("VACUUM (ANALYZE)")


def parse_arguments():
    """The options of a dataset benchmark; Odoo configured from its file."""
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--employees", type=int, default=1_000)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    return args
