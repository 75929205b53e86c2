"""Time the KPI report on a year of service (KPI, QA speed).

Run through bench/kpi.sh. Prints one JSON object with, for one month of a
year of 1,000,000 tickets: the per-agent pivot through the ORM
(``read_group``) and a hand-written SQL GROUP BY of the same figures on the
same tables, QA sampling of that month, and the store dashboard.
"""

import json
import time
from datetime import date

from dataset import generate_service, parse_arguments, prepare_once
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

YEAR_START = date(2025, 1, 1)
YEAR_END = date(2025, 12, 31)
MONTH = (date(2025, 6, 1), date(2025, 6, 30))
MARKER = "cs_bench_kpi.dataset"
PIVOT_MEASURES = [
    "customers_served",
    "complaint_rate",
    "resolution_rate",
    "avg_first_response_hours",
    "rating_average",
    "within_deadline_rate",
    "qa_average",
]


def generate_quality(env):
    """Published inspections of 2 % of the closed tickets, and hand-offs of
    one complaint in ten."""
    cr = env.cr
    scorecard = env.ref("cs_management.qa_scorecard_default").id
    department = env["hr.department"].create({"name": "Bench Quality"}).id
    cr.execute("SELECT setseed(0.24)")
    cr.execute(
        """
        INSERT INTO cs_qa_inspection (company_id, agent_id, reviewer_id, scorecard_id, ticket_id, team_id,
                                      store_id, kind, state, date, score, passed, create_date, write_date)
        SELECT t.company_id, t.user_id, tm.user_id, %s, t.id, t.team_id, t.cs_store_id, 'sample', 'published',
               t.closed_date::date, s.score, s.score >= 80, t.closed_date, t.closed_date
          FROM helpdesk_ticket t
          JOIN helpdesk_ticket_team tm ON tm.id = t.team_id
          CROSS JOIN LATERAL (SELECT round((50 + random() * 50)::numeric, 1)::float AS score) s
         WHERE t.name LIKE 'Bench request %%' AND t.closed_date IS NOT NULL AND random() < 0.02
        """,
        (scorecard,),
    )
    cr.execute(
        """
        INSERT INTO cs_ticket_handoff (ticket_id, company_id, department_id, user_id, request, date_requested,
                                       date_due, state, create_date, write_date)
        SELECT t.id, t.company_id, %s, t.user_id, 'Check the batch', t.create_date,
               (t.create_date + interval '2 days')::date, 'done', t.create_date, t.create_date
          FROM helpdesk_ticket t
         WHERE t.name LIKE 'Bench request %%' AND t.cs_kind = 'complaint' AND random() < 0.1
        """,
        (department,),
    )
    cr.execute("ANALYZE cs_qa_inspection; ANALYZE cs_ticket_handoff")




# the same figures as the pivot, written by hand on the tables
RAW_SQL = """
WITH received AS (
    SELECT t.user_id,
           COUNT(DISTINCT t.commercial_partner_id) AS served,
           COUNT(DISTINCT t.commercial_partner_id) FILTER (WHERE t.cs_kind = 'complaint') AS complaining,
           COUNT(DISTINCT t.commercial_partner_id) FILTER (WHERE t.cs_kind IN ('complaint', 'after_sales', 'order')) AS problem,
           COUNT(DISTINCT t.commercial_partner_id)
               FILTER (WHERE t.cs_kind IN ('complaint', 'after_sales', 'order') AND st.cs_step = 'closed') AS solved,
           SUM(t.cs_first_response_hours) FILTER (WHERE t.cs_first_response_date IS NOT NULL) AS response_hours,
           COUNT(t.cs_first_response_date) AS responses,
           COUNT(*) FILTER (WHERE t.cs_resolution_state = 'met') AS met,
           COUNT(*) FILTER (WHERE t.cs_resolution_state IN ('met', 'missed')
                               OR (t.cs_resolution_state = 'running' AND t.cs_resolution_deadline < now())) AS due
      FROM helpdesk_ticket t JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
     WHERE t.create_date >= %(start)s AND t.create_date < %(end)s::date + 1
     GROUP BY t.user_id
), ratings AS (
    SELECT t.user_id, AVG(r.rating) AS average
      FROM rating_rating r JOIN helpdesk_ticket t ON t.id = r.res_id
     WHERE r.res_model = 'helpdesk.ticket' AND r.consumed
       AND r.create_date >= %(start)s AND r.create_date < %(end)s::date + 1
     GROUP BY t.user_id
), quality AS (
    SELECT agent_id AS user_id, AVG(score) AS average
      FROM cs_qa_inspection
     WHERE state IN ('published', 'acknowledged') AND kind != 'calibration'
       AND date BETWEEN %(start)s AND %(end)s
     GROUP BY agent_id
)
SELECT r.user_id, r.served, 100.0 * r.complaining / NULLIF(r.served, 0), 100.0 * r.solved / NULLIF(r.problem, 0),
       r.response_hours / NULLIF(r.responses, 0), ra.average, 100.0 * r.met / NULLIF(r.due, 0), q.average
  FROM received r
  LEFT JOIN ratings ra ON ra.user_id = r.user_id
  LEFT JOIN quality q ON q.user_id = r.user_id
"""


def best_of(runs, function):
    """The fastest of ``runs`` timed calls (the first warms the caches)."""
    times = []
    for _run in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def measure(dbname):
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        start, end = MONTH
        cr.execute("SELECT count(*) FROM helpdesk_ticket")
        tickets = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE create_date >= %s AND create_date < %s::date + 1", (start, end))
        month_tickets = cr.fetchone()[0]
        Report = env["cs.kpi.report"]

        def pivot():
            Report.invalidate_model()
            return Report.read_group([("date", ">=", start), ("date", "<=", end)], PIVOT_MEASURES, ["user_id"], lazy=False)

        def raw():
            cr.execute(RAW_SQL, {"start": start, "end": end})
            return cr.fetchall()

        orm_seconds, rows = best_of(3, pivot)
        sql_seconds, raw_rows = best_of(3, raw)

        def year_by_month():
            Report.invalidate_model()
            return Report.read_group(
                [("date", ">=", YEAR_START), ("date", "<=", YEAR_END)], PIVOT_MEASURES, ["user_id", "date:month"], lazy=False
            )

        year_seconds, year_rows = best_of(2, year_by_month)

        Store = env["cs.store"]

        def dashboard():
            Store.invalidate_model()
            return Store.web_search_read(
                [], {name: {} for name in ("name", "code", "open_ticket_count", "kpi_trend", "kpi_inquiries",
                                           "kpi_complaint_rate", "kpi_resolution_rate", "kpi_rating_average",
                                           "kpi_within_deadline_rate", "kpi_qa_average")}
            )

        dashboard_seconds, _records = best_of(2, dashboard)

        scorecard = env.ref("cs_management.qa_scorecard_default")
        before = env["cs.qa.inspection"].search_count([("kind", "=", "sample")])
        started = time.perf_counter()
        scorecard._sample(*MONTH)
        env.flush_all()
        sampling_seconds = time.perf_counter() - started
        sampled = env["cs.qa.inspection"].search_count([("kind", "=", "sample")]) - before
        cr.rollback()
    return {
        "tickets": tickets,
        "month_tickets": month_tickets,
        "agents": len(rows),
        "pivot_orm_s": round(orm_seconds, 3),
        "pivot_sql_s": round(sql_seconds, 3),
        "pivot_ratio": round(orm_seconds / sql_seconds, 2),
        "pivot_rows_match": len(rows) == len(raw_rows),
        "year_by_month_orm_s": round(year_seconds, 3),
        "year_by_month_rows": len(year_rows),
        "dashboard_s": round(dashboard_seconds, 3),
        "sampling_s": round(sampling_seconds, 2),
        "sampled": sampled,
        "targets": {"pivot_s": 1, "pivot_ratio": 3, "sampling_s": 5, "dashboard_s": 2},
    }


def main():
    args = parse_arguments()

    def generate(env):
        generate_service(env, args.tickets, YEAR_START, 365, YEAR_END)
        generate_quality(env)

    prepare_once(args.database, MARKER, args.employees, args.tickets, generate)
    print(json.dumps(measure(args.database), indent=2))


if __name__ == "__main__":
    main()
