"""Time the KPI report on a year of service (KPI, QA speed).

Run through bench/kpi.sh. Prints one JSON object with, for one month of a
year of 1,000,000 tickets: the per-agent pivot through the ORM
(``read_group``) and a hand-written SQL GROUP BY of the same figures on the
same tables, QA sampling of that month, and the store dashboard.
"""

import json
import time
from datetime import date, timedelta

from dataset import generate_service, parse_arguments, prepare_once
from freezegun import freeze_time

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry


# a wall clock freezegun leaves alone: the dashboard is measured on a frozen day
def clock():
    return time.clock_gettime(time.CLOCK_MONOTONIC)


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
        INSERT INTO cs_qa_inspection (company_id, agent_id, reviewer_id,
                                      scorecard_id, ticket_id, team_id,
                                      store_id, kind, state, counts_in_iqs,
                                      date, score, passed, create_date, write_date)
        SELECT t.company_id, t.user_id, tm.user_id, %s, t.id, t.team_id,
               t.cs_store_id, 'sample', 'published', TRUE,
               t.closed_date::date, s.score, s.score >= 80,
               t.closed_date, t.closed_date
          FROM helpdesk_ticket t
          JOIN helpdesk_ticket_team tm ON tm.id = t.team_id
          CROSS JOIN LATERAL (SELECT round((50 + random() * 50)::numeric, 1)::float
                                     AS score) s
         WHERE t.name LIKE 'Bench request %%' AND t.closed_date IS NOT NULL
           AND random() < 0.02
        """,
        (scorecard,),
    )
    cr.execute(
        """
        INSERT INTO cs_ticket_handoff (ticket_id, company_id, department_id,
                                       user_id, request, date_requested,
                                       date_due, state, create_date, write_date)
        SELECT t.id, t.company_id, %s, t.user_id, 'Check the batch',
               t.cs_received_at, (t.cs_received_at + interval '2 days')::date, 'done',
               t.cs_received_at, t.cs_received_at
          FROM helpdesk_ticket t
         WHERE t.name LIKE 'Bench request %%' AND t.cs_kind = 'complaint'
           AND random() < 0.1
        """,
        (department,),
    )
    cr.execute("ANALYZE cs_qa_inspection; ANALYZE cs_ticket_handoff")


# The hand-written SQL each ORM figure is compared with: the same work on
# the same tables, giving the same numbers (checked).

# the pivot's figures per agent: counts at the report's grain (day, agent,
# team, store, company) added up, rates from the sums
PIVOT_SQL = """
WITH received AS (
    SELECT t.user_id,
           COUNT(DISTINCT COALESCE(t.commercial_partner_id, -t.id)) AS served,
           COUNT(DISTINCT COALESCE(t.commercial_partner_id, -t.id))
               FILTER (WHERE t.cs_kind = 'complaint') AS complaining,
           COUNT(DISTINCT COALESCE(t.commercial_partner_id, -t.id))
               FILTER (WHERE t.cs_kind IN ('complaint', 'after_sales', 'order'))
               AS problem,
           COUNT(DISTINCT COALESCE(t.commercial_partner_id, -t.id))
               FILTER (WHERE t.cs_kind IN ('complaint', 'after_sales', 'order')
                         AND st.cs_step = 'closed') AS solved,
           COALESCE(SUM(t.cs_first_response_hours)
                        FILTER (WHERE t.cs_first_response_date IS NOT NULL), 0)
               AS hours,
           COUNT(t.cs_first_response_date) AS responses,
           COUNT(*) FILTER (WHERE t.cs_resolution_state = 'met') AS met,
           COUNT(*) FILTER (WHERE t.cs_resolution_state IN ('met', 'missed')
                               OR (t.cs_resolution_state = 'running'
                                   AND t.cs_resolution_deadline
                                       < now() AT TIME ZONE 'UTC')) AS due
      FROM helpdesk_ticket t JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
     WHERE t.active AND t.cs_received_at::date BETWEEN %(start)s AND %(end)s
     GROUP BY t.cs_received_at::date, t.user_id, t.team_id, t.cs_store_id, t.company_id
), counts AS (
    SELECT user_id, served, complaining, problem, solved, hours, responses, met, due,
           0 AS ratings, 0 AS points, 0 AS inspections, 0 AS score
      FROM received
    UNION ALL
    SELECT t.user_id, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(r.rating), 0, 0
      FROM rating_rating r JOIN helpdesk_ticket t ON t.id = r.res_id
     WHERE r.res_model = 'helpdesk.ticket' AND r.consumed AND r.rating > 0
       AND r.create_date::date BETWEEN %(start)s AND %(end)s
     GROUP BY t.user_id
    UNION ALL
    SELECT agent_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(score)
      FROM cs_qa_inspection
     WHERE state IN ('published', 'acknowledged') AND kind != 'calibration'
       AND date BETWEEN %(start)s AND %(end)s
     GROUP BY agent_id
)
SELECT user_id, SUM(served)::int, 100.0 * SUM(complaining) / NULLIF(SUM(served), 0),
       100.0 * SUM(solved) / NULLIF(SUM(problem), 0),
       SUM(hours) / NULLIF(SUM(responses), 0),
       SUM(points)::float / NULLIF(SUM(ratings), 0),
       100.0 * SUM(met) / NULLIF(SUM(due), 0),
       SUM(score) / NULLIF(SUM(inspections), 0)
  FROM counts GROUP BY user_id ORDER BY user_id
"""

# the dashboard's tiles per store: this month, the previous one, the trend
DASHBOARD_SQL = """
WITH months AS (
    SELECT t.cs_store_id AS store_id,
           date_trunc('month', t.cs_received_at)::date AS month, COUNT(*) AS inquiries,
           COUNT(DISTINCT (t.cs_received_at::date, t.user_id, t.team_id, t.company_id,
                           COALESCE(t.commercial_partner_id, -t.id))) AS served,
           COUNT(DISTINCT (t.cs_received_at::date, t.user_id, t.team_id, t.company_id,
                           COALESCE(t.commercial_partner_id, -t.id)))
               FILTER (WHERE t.cs_kind = 'complaint') AS complaining,
           COUNT(DISTINCT (t.cs_received_at::date, t.user_id, t.team_id, t.company_id,
                           COALESCE(t.commercial_partner_id, -t.id)))
               FILTER (WHERE t.cs_kind IN ('complaint', 'after_sales', 'order'))
               AS problem,
           COUNT(DISTINCT (t.cs_received_at::date, t.user_id, t.team_id, t.company_id,
                           COALESCE(t.commercial_partner_id, -t.id)))
               FILTER (WHERE t.cs_kind IN ('complaint', 'after_sales', 'order')
                         AND st.cs_step = 'closed') AS solved,
           COUNT(*) FILTER (WHERE t.cs_resolution_state = 'met') AS met,
           COUNT(*) FILTER (WHERE t.cs_resolution_state IN ('met', 'missed')
                               OR (t.cs_resolution_state = 'running'
                                   AND t.cs_resolution_deadline
                                       < now() AT TIME ZONE 'UTC')) AS due,
           0 AS ratings, 0 AS points, 0 AS inspections, 0 AS score
      FROM helpdesk_ticket t JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
     WHERE t.active AND t.cs_received_at::date BETWEEN %(previous)s AND %(today)s
     GROUP BY 1, 2
    UNION ALL
    SELECT t.cs_store_id, date_trunc('month', r.create_date)::date,
           0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(r.rating), 0, 0
      FROM rating_rating r JOIN helpdesk_ticket t ON t.id = r.res_id
     WHERE r.res_model = 'helpdesk.ticket' AND r.consumed AND r.rating > 0
       AND r.create_date::date BETWEEN %(previous)s AND %(today)s
     GROUP BY 1, 2
    UNION ALL
    SELECT store_id, date_trunc('month', date)::date,
           0, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(score)
      FROM cs_qa_inspection
     WHERE state IN ('published', 'acknowledged') AND kind != 'calibration'
       AND date BETWEEN %(previous)s AND %(today)s
     GROUP BY 1, 2
), figures AS (
    SELECT store_id, month, SUM(inquiries)::int AS inquiries,
           COALESCE(100.0 * SUM(complaining) / NULLIF(SUM(served), 0), 0)
               AS complaint_rate,
           COALESCE(100.0 * SUM(solved) / NULLIF(SUM(problem), 0), 0)
               AS resolution_rate,
           COALESCE(SUM(points)::float / NULLIF(SUM(ratings), 0), 0) AS rating_average,
           COALESCE(100.0 * SUM(met) / NULLIF(SUM(due), 0), 0) AS within_deadline_rate,
           COALESCE(SUM(score) / NULLIF(SUM(inspections), 0), 0) AS qa_average
      FROM months GROUP BY store_id, month
), open_tickets AS (
    SELECT t.cs_store_id AS store_id, COUNT(*) AS open
      FROM helpdesk_ticket t JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
     WHERE t.active AND NOT COALESCE(st.closed, false) AND t.cs_store_id IS NOT NULL
     GROUP BY 1
)
SELECT s.id, s.name, s.code, COALESCE(o.open, 0), c.inquiries, c.complaint_rate,
       c.resolution_rate,
       c.rating_average, c.within_deadline_rate, c.qa_average,
       sign(COALESCE(c.inquiries, 0) - COALESCE(p.inquiries, 0)),
       -sign(COALESCE(c.complaint_rate, 0) - COALESCE(p.complaint_rate, 0)),
       sign(COALESCE(c.resolution_rate, 0) - COALESCE(p.resolution_rate, 0)),
       sign(COALESCE(c.rating_average, 0) - COALESCE(p.rating_average, 0)),
       sign(COALESCE(c.within_deadline_rate, 0) - COALESCE(p.within_deadline_rate, 0)),
       sign(COALESCE(c.qa_average, 0) - COALESCE(p.qa_average, 0))
  FROM cs_store s
  LEFT JOIN open_tickets o ON o.store_id = s.id
  LEFT JOIN figures c ON c.store_id = s.id AND c.month = %(month)s
  LEFT JOIN figures p ON p.store_id = s.id AND p.month = %(previous)s
 WHERE s.active
 ORDER BY s.sequence, s.code, s.id
"""

# sampling in one statement: the inspections of the month (per agent the
# quota less what was sampled, drawn among the closed tickets not inspected
# yet) with their scores, and their criterion lines (pre-filled from the
# phrase rules the agent broke on the ticket)
SAMPLING_SQL = """
WITH scope AS (
    SELECT t.id, t.user_id, t.company_id, t.team_id, t.cs_store_id, t.closed_date
      FROM helpdesk_ticket t JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
     WHERE t.active AND st.closed AND t.user_id IS NOT NULL
       AND t.closed_date >= %(start)s AND t.closed_date < %(end)s
       AND (%(company)s IS NULL OR t.company_id = %(company)s)
), taken AS (
    SELECT agent_id AS user_id, COUNT(*) AS taken FROM cs_qa_inspection
     WHERE scorecard_id = %(scorecard)s AND kind = 'sample'
       AND sample_period_start = %(start)s
     GROUP BY agent_id
), needs AS (
    SELECT s.user_id, LEAST(%(quota)s, COUNT(*)) - COALESCE(MAX(k.taken), 0) AS need
      FROM scope s LEFT JOIN taken k ON k.user_id = s.user_id
     GROUP BY s.user_id
), ranked AS (
    SELECT s.*, n.need,
           ROW_NUMBER() OVER (PARTITION BY s.user_id
                              ORDER BY md5(s.id::text || %(seed)s), s.id) AS rank
      FROM scope s JOIN needs n ON n.user_id = s.user_id AND n.need > 0
     WHERE NOT EXISTS (SELECT 1 FROM cs_qa_inspection i
                        WHERE i.ticket_id = s.id AND i.kind != 'calibration')
), reviewers AS (
    SELECT e.user_id, (
        SELECT c.user_id FROM (
            SELECT 1, %(reviewer)s::int UNION ALL SELECT 2, p.user_id
            UNION ALL SELECT 3, se.user_id FROM cs_store_supervisor_rel r
                       JOIN hr_employee se ON se.id = r.employee_id
                       WHERE r.store_id = e.cs_store_id
            UNION ALL SELECT 4, m.user_id FROM cs_store st
                       JOIN hr_employee m ON m.id = st.manager_id
                       WHERE st.id = e.cs_store_id
        ) AS c(priority, user_id)
         WHERE c.user_id != e.user_id
           AND c.user_id IN (SELECT uid FROM res_groups_users_rel
                              WHERE gid = %(qa_group)s)
         ORDER BY c.priority LIMIT 1) AS reviewer_id
      FROM hr_employee e LEFT JOIN hr_employee p ON p.id = e.parent_id
     WHERE e.user_id IN (SELECT user_id FROM needs)
), picked AS (
    SELECT r.*, v.reviewer_id FROM ranked r
      LEFT JOIN reviewers v ON v.user_id = r.user_id WHERE r.rank <= r.need
), lines AS (
    SELECT p.id AS ticket_id, c.id AS criterion_id, c.sequence, c.name, c.weight,
           c.max_points, c.critical, c.critical_bar, q.points,
           100.0 * q.points / NULLIF(c.max_points, 0) AS normalized,
           c.weight * q.points / NULLIF(c.max_points, 0) AS weighted,
           c.critical AND q.points < c.critical_bar AS below
      FROM picked p
      JOIN cs_qa_criterion c ON c.scorecard_id = %(scorecard)s
     CROSS JOIN LATERAL (
           SELECT CASE WHEN EXISTS (SELECT 1 FROM cs_phrase_violation v
                        WHERE v.ticket_id = p.id AND v.user_id = p.user_id
                          AND v.rule_type = ANY (CASE c.prefill
                              WHEN 'forbidden' THEN ARRAY['forbidden']
                              WHEN 'courtesy' THEN ARRAY['greeting', 'closing'] END))
                       THEN 0 ELSE c.max_points END AS points) AS q
), scores AS (
    SELECT ticket_id, round(SUM(weighted)::numeric, 2) AS raw,
           bool_or(below) AS failed,
           CASE WHEN bool_or(below) THEN 0 ELSE round(SUM(weighted)::numeric, 2) END
               AS score
      FROM lines GROUP BY ticket_id
), inspections AS (
    INSERT INTO cs_qa_inspection (company_id, kind, state, counts_in_iqs,
                                  ticket_id, agent_id,
                                  reviewer_id, team_id, store_id, date,
                                  scorecard_id, scale, pass_mark,
                                  sample_period_start, raw_score, critical_failed,
                                  score, score_on_scale, passed, create_uid,
                                  create_date, write_uid, write_date)
    SELECT p.company_id, 'sample', 'draft', FALSE, p.id, p.user_id,
           p.reviewer_id,
           p.team_id, p.cs_store_id, p.closed_date::date, %(scorecard)s,
           %(scale)s, %(pass_mark)s, %(start)s, s.raw, s.failed, s.score,
           round(s.score * %(scale)s / 100, 2),
           round(s.score * %(scale)s / 100, 2) >= %(pass_mark)s,
           1, now(), 1, now()
      FROM picked p JOIN scores s ON s.ticket_id = p.id
    RETURNING id, ticket_id
)
INSERT INTO cs_qa_inspection_line (inspection_id, criterion_id, sequence, name,
                                   weight, max_points, critical,
                                   critical_bar, points, normalized, weighted,
                                   below_bar, create_uid, create_date, write_uid,
                                   write_date)
SELECT i.id, l.criterion_id, l.sequence, l.name, l.weight, l.max_points,
       l.critical, l.critical_bar, l.points,
       l.normalized, l.weighted, l.below, 1, now(), 1, now()
  FROM inspections i JOIN lines l ON l.ticket_id = i.ticket_id
RETURNING inspection_id
"""


def best_of(runs, function):
    """The fastest of ``runs`` timed calls (the first warms the caches)."""
    times = []
    for _run in range(runs):
        start = clock()
        result = function()
        times.append(clock() - start)
    return min(times), result


def rolled_back(env, function, outcome):
    """``function()`` timed, what it wrote (``outcome`` of its result), then
    its writes rolled back."""
    env.flush_all()
    env.cr.execute("SAVEPOINT bench")
    start = clock()
    result = function()
    env.flush_all()
    seconds = clock() - start
    result = outcome(result)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench")
    env.invalidate_all()
    return seconds, result


def without_jit(cr, function):
    """``function`` run as the KPI report runs its queries: PostgreSQL's JIT
    compilation costs these queries more than it saves."""

    def run():
        cr.execute("SELECT current_setting('jit'), set_config('jit', 'off', true)")
        jit = cr.fetchone()[0]
        result = function()
        cr.execute("SELECT set_config('jit', %s, true)", (jit,))
        return result

    return run


def compared(name, runs, orm, sql, same, cr):
    """Best of ``runs`` of the ORM and of the SQL doing the same work, their
    ratio, and whether they gave the same result."""
    orm_seconds, orm_result = best_of(runs, orm)
    sql_seconds, sql_result = best_of(runs, without_jit(cr, sql))
    return {
        f"{name}_orm_s": round(orm_seconds, 3),
        f"{name}_sql_s": round(sql_seconds, 3),
        f"{name}_ratio": round(orm_seconds / sql_seconds, 2),
        f"{name}_same_result": same(orm_result, sql_result),
    }


def close(a, b):
    return abs((a or 0) - (b or 0)) < 1e-6


def measure_pivot(env):
    Report = env["cs.kpi.report"]
    start, end = MONTH

    def orm():
        Report.invalidate_model()
        return Report.read_group(
            [("date", ">=", start), ("date", "<=", end)],
            PIVOT_MEASURES,
            ["user_id"],
            lazy=False,
        )

    def sql():
        env.cr.execute(PIVOT_SQL, {"start": start, "end": end})
        return env.cr.fetchall()

    def same(rows, raw_rows):
        orm_rows = {
            row["user_id"][0]: [row[name] for name in PIVOT_MEASURES] for row in rows
        }
        raw = {user: values for user, *values in raw_rows}
        return orm_rows.keys() == raw.keys() and all(
            close(a, b)
            for user, values in orm_rows.items()
            for a, b in zip(values, raw[user], strict=True)
        )

    return compared("pivot", 3, orm, sql, same, env.cr)


def measure_dashboard(env):
    Store = env["cs.store"]
    start, end = MONTH
    previous = (start - timedelta(days=1)).replace(day=1)
    fields = (
        "name",
        "code",
        "open_ticket_count",
        "kpi_inquiries",
        "kpi_complaint_rate",
        "kpi_resolution_rate",
        "kpi_rating_average",
        "kpi_within_deadline_rate",
        "kpi_qa_average",
        "kpi_trend",
    )
    trends = (
        "inquiries",
        "complaint_rate",
        "resolution_rate",
        "rating_average",
        "within_deadline_rate",
        "qa_average",
    )

    def orm():
        Store.invalidate_model()
        return Store.web_search_read([], {name: {} for name in fields})["records"]

    def sql():
        env.cr.execute(
            DASHBOARD_SQL, {"month": start, "previous": previous, "today": end}
        )
        return env.cr.fetchall()

    def same(records, rows):
        return len(records) == len(rows) and all(
            record["id"] == row[0]
            and all(
                close(record[name], value)
                for name, value in zip(fields[2:-1], row[3:10], strict=True)
            )
            and all(
                record["kpi_trend"][name] == value
                for name, value in zip(trends, row[10:], strict=True)
            )
            for record, row in zip(records, rows, strict=True)
        )

    with freeze_time(end):
        return compared("dashboard", 3, orm, sql, same, env.cr)


def measure_sampling(env):
    scorecard = env.ref("cs_management.qa_scorecard_default")
    start, end = MONTH[0], MONTH[1] + timedelta(days=1)
    lines = env["cs.qa.inspection.line"]

    def written(inspections):
        facts = sorted(
            (
                inspection.ticket_id.id,
                inspection.agent_id.id,
                inspection.reviewer_id.id,
                inspection.score,
            )
            for inspection in inspections
        )
        return facts, lines.search_count([("inspection_id", "in", inspections.ids)])

    def orm():
        return rolled_back(env, lambda: scorecard._sample(start, end)[0], written)

    def sql():
        def run():
            cr = env.cr
            params = {
                "start": start,
                "end": end,
                "scorecard": scorecard.id,
                "company": scorecard.company_id.id or None,
                "quota": scorecard.sample_count,
                "seed": scorecard._sample_seed(start),
                "reviewer": scorecard.reviewer_id.id or None,
                "scale": scorecard.scale,
                "pass_mark": scorecard.pass_mark,
                "qa_group": env.ref("cs_management.group_cs_supervisor").id,
            }
            cr.execute(SAMPLING_SQL, params)
            return env["cs.qa.inspection"].browse(
                {inspection for (inspection,) in cr.fetchall()}
            )

        return rolled_back(env, without_jit(env.cr, run), written)

    def fastest(function):
        runs = [function() for _run in range(3)]
        return min(seconds for seconds, _result in runs), runs[0][1]

    orm_seconds, (orm_inspections, orm_lines) = fastest(orm)
    sql_seconds, (sql_inspections, sql_lines) = fastest(sql)
    return {
        "sampling_orm_s": round(orm_seconds, 3),
        "sampling_sql_s": round(sql_seconds, 3),
        "sampling_ratio": round(orm_seconds / sql_seconds, 2),
        "sampling_same_result": orm_inspections == sql_inspections
        and orm_lines == sql_lines,
        "sampled_inspections": len(orm_inspections),
        "sampled_lines": orm_lines,
    }


def measure(dbname):
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        start, end = MONTH
        cr.execute("SELECT count(*) FROM helpdesk_ticket")
        tickets = cr.fetchone()[0]
        cr.execute(
            "SELECT count(*) FROM helpdesk_ticket"
            " WHERE create_date >= %s AND create_date < %s::date + 1",
            (start, end),
        )
        figures = (
            {"tickets": tickets, "month_tickets": month_tickets}
            if (month_tickets := cr.fetchone()[0])
            else {}
        )
        figures.update(measure_pivot(env))
        Report = env["cs.kpi.report"]

        def year_by_month():
            Report.invalidate_model()
            return Report.read_group(
                [("date", ">=", YEAR_START), ("date", "<=", YEAR_END)],
                PIVOT_MEASURES,
                ["user_id", "date:month"],
                lazy=False,
            )

        year_seconds, year_rows = best_of(2, year_by_month)
        figures.update(
            {
                "year_by_month_orm_s": round(year_seconds, 3),
                "year_by_month_rows": len(year_rows),
            }
        )
        figures.update(measure_dashboard(env))
        figures.update(measure_sampling(env))
        figures["targets"] = {
            "pivot_ratio": 2,
            "sampling_ratio": 3,
            "dashboard_ratio": 2,
        }
        cr.rollback()
    return figures


def main():
    args = parse_arguments()

    def generate(env):
        generate_service(env, args.tickets, YEAR_START, 365, YEAR_END)
        generate_quality(env)

    prepare_once(args.database, MARKER, args.employees, args.tickets, generate)
    print(json.dumps(measure(args.database), indent=2))


if __name__ == "__main__":
    main()
