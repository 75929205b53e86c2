"""Figures of bench/cluster_load.sh: each run's actions (p50/p95), its
throughput and failed RPCs, the writes acknowledged and any missing from the
database, and the job that ran on the node killed."""

import argparse
import os
import sys

import psycopg2
from load_report import ACTIONS, action_figures, lost_writes, read_jsonl, seconds

RUNS = ("one-node", "two-nodes", "node-killed")


def overwritten(out):
    """(ticket, token) of the saves a later save of the same ticket replaced,
    in any run: the runs share one database and a description holds the
    last save only."""
    saves = sorted(
        (w["at"], w["ticket"], w["token"])
        for run in RUNS
        for w in read_jsonl(os.path.join(out, run, "writes.jsonl"))
        if w["kind"] == "save"
    )
    last = {ticket: token for _at, ticket, token in saves}
    return {(ticket, token) for _at, ticket, token in saves if last[ticket] != token}


def print_runs(out, db):
    bad = False
    replaced = overwritten(out)
    print(
        f"{'run':<12} {'ok actions/s':>12} {'failed RPCs':>11}  writes (missing)  "
        + "  ".join(f"{a} p50/p95" for a in ACTIONS)
    )
    for run in RUNS:
        path = os.path.join(out, run)
        if not os.path.exists(os.path.join(path, "actions.jsonl")):
            continue
        figures, throughput, span, errors = action_figures(path)
        # failed actions end fast: the throughput counts the others
        throughput = (throughput * span - len(errors)) / span if span else 0
        failed = read_jsonl(os.path.join(path, "errors.jsonl"))
        counts, missing = lost_writes(db, path)
        missing = [m for m in missing if m[0] != "save" or (m[1], m[2]) not in replaced]
        bad |= bool(missing)
        writes = ", ".join(f"{n} {k}s" for k, n in counts.items())
        actions = "  ".join(
            f"{seconds(figures[a]['p50'])}/{seconds(figures[a]['p95'])}"
            for a in ACTIONS
        )
        print(
            f"{run:<12} {throughput:>12.2f} {len(failed):>11}  {writes} "
            f"({len(missing)})  {actions}"
        )
    return bad


def print_job(db, uuid):
    if not uuid:
        print("\nno job ran on the node killed")
        return True
    with psycopg2.connect(dbname=db) as connection, connection.cursor() as cr:
        cr.execute(
            """
            SELECT j.state, j.retry, j.cs_res_id, j.date_started, j.date_done,
                   (SELECT count(*) FROM cs_appraisal a
                     WHERE a.period_id = j.cs_res_id),
                   (SELECT count(DISTINCT employee_id) FROM cs_appraisal a
                     WHERE a.period_id = j.cs_res_id)
              FROM queue_job j WHERE j.uuid = %s
            """,
            (uuid,),
        )
        state, retry, period, started, done, forms, employees = cr.fetchone()
    print(
        f"\njob {uuid} (forms of period {period}), killed with node 2: {state} after "
        f"{retry} tries,"
        f" last started {started:%T}, done {done and f'{done:%T}'}; {forms} forms for "
        f"{employees} employees"
    )
    return state != "done" or forms != employees


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--job", default="")
    args = parser.parse_args()
    bad = print_runs(args.out, args.db)
    bad |= print_job(args.db, args.job)
    print(
        "\n"
        + (
            "FAILED: lost writes or a job not done once (above)"
            if bad
            else "0 lost writes, the job done once"
        )
    )
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
