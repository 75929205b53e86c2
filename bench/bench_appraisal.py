"""Time the monthly appraisal generation: one form per service employee,
measured criteria filled from the KPIs and training results.

Run through bench/appraisal.sh. The first run creates the organisation
(stores, teams, supervisors and agents, through the ORM) and a month of
service in SQL: tickets spread over agents, days and kinds, their deadline
lines and customer ratings. Later runs reuse it. Prints one JSON object.
"""

import json
import time
from datetime import date

from dataset import generate_service, parse_arguments, prepare_once

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

MONTH = date(2025, 6, 1)
MONTH_END = date(2025, 6, 30)
MARKER = "cs_bench_appraisal.dataset"


def measure(dbname):
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        counts = {}
        for table, where in (
            (
                "helpdesk_ticket",
                "create_date >= %s AND create_date < %s + interval '1 month'",
            ),
            (
                "rating_rating",
                "create_date >= %s AND create_date < %s + interval '1 month'",
            ),
        ):
            cr.execute(f"SELECT count(*) FROM {table} WHERE {where}", (MONTH, MONTH))
            counts[table] = cr.fetchone()[0]
        period = env["cs.appraisal.period"].create(
            {"kind": "monthly", "date_from": MONTH}
        )
        employees = period._employees_to_appraise()
        env.flush_all()

        queries_before = cr.sql_log_count
        start = time.perf_counter()
        created, missing = period._open_forms()
        env.flush_all()
        seconds = time.perf_counter() - start
        queries = cr.sql_log_count - queries_before

        # of which: the one KPI and training query (warm now)
        start = time.perf_counter()
        measures = env["cs.appraisal"]._measures(period, employees)
        kpi_seconds = time.perf_counter() - start
        forms = period.appraisal_ids
        result = {
            "month": str(MONTH),
            "tickets": counts["helpdesk_ticket"],
            "ratings": counts["rating_rating"],
            "employees_measured": sum(
                1 for kpis, _training in measures.values() if kpis
            ),
            "forms": created,
            "missing": missing,
            "criteria_lines": len(forms.line_ids),
            "kpi_query_s": round(kpi_seconds, 1),
            "generation_s": round(seconds, 1),
            "queries": queries,
            "target_s": 30,
        }
        cr.rollback()
    return result


def main():
    args = parse_arguments()
    prepare_once(
        args.database,
        MARKER,
        args.employees,
        args.tickets,
        lambda env: generate_service(env, args.tickets, MONTH, 30, MONTH_END),
    )
    print(json.dumps(measure(args.database), indent=2))


if __name__ == "__main__":
    main()
