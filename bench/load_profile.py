"""Where the time of the load test's actions goes: each action run once as
one bench agent through the ORM, with the queries it makes (Odoo's
debug_sql log) timed; prints per action its time, query count and the
slowest queries. The work is rolled back.

    .venv/bin/python bench/load_profile.py \\
        -c .cs/load/odoo-cs_bench_load.conf -d cs_bench_load \\
        [--login bench_agent_19]
"""

import argparse
import json
import logging
import os
import re
import time
import xml.etree.ElementTree as ET

from load_spec import fields_spec, model_fields

import odoo
from odoo import api
from odoo.modules.registry import Registry

QUERY = re.compile(r"\[([\d.]+) ms\] query: (.*)", re.S)


class Queries(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.queries = []

    def emit(self, record):
        match = QUERY.match(record.getMessage())
        if match:
            self.queries.append((float(match.group(1)), match.group(2)))


def actions(env, product, setup):
    Ticket = env["helpdesk.ticket"].with_context(env.context)
    views = Ticket.get_views(
        [[False, "kanban"], [False, "list"], [False, "form"], [False, "search"]], {}
    )
    fields = model_fields(views["models"], "helpdesk.ticket")
    spec = {
        m: fields_spec(
            ET.fromstring(views["views"][m]["arch"]), fields, views["models"]
        )
        for m in ("kanban", "list", "form")
    }
    action_domain = [("cs_process", "=", True)] if product == "ours" else []
    domain = action_domain + [("closed", "=", False)]
    mine = Ticket.search(domain + [("user_id", "=", env.uid)], limit=1, order="id desc")
    to_move = Ticket.search(
        action_domain
        + [("user_id", "=", env.uid), ("stage_id", "=", setup["move"]["from"])],
        limit=1,
    )

    def kanban():
        groups = Ticket.web_read_group(
            domain, [], ["stage_id"], limit=80, orderby="", lazy=True
        )["groups"]
        for group in groups:
            if not group.get("__fold") and group.get("stage_id_count"):
                Ticket.web_search_read(
                    group["__domain"], spec["kanban"], limit=40, count_limit=10001
                )

    def thread():
        # the bodies of /mail/thread/data and /mail/thread/messages
        from odoo.addons.mail.tools.discuss import Store

        ticket = env["helpdesk.ticket"]._get_thread_with_access(mine.id)
        Store(
            ticket,
            as_thread=True,
            request_list=[
                "activities",
                "attachments",
                "followers",
                "scheduledMessages",
                "suggestedRecipients",
            ],
        ).get_result()
        domain = [
            ("res_id", "=", mine.id),
            ("model", "=", "helpdesk.ticket"),
            ("message_type", "!=", "user_notification"),
        ]
        messages = env["mail.message"]._message_fetch(domain, limit=30)["messages"]
        Store(messages, for_current_user=True).get_result()

    return {
        "kanban": kanban,
        "form": lambda: mine.web_read(spec["form"]),
        "chatter (form)": thread,
        "save": lambda: mine.web_save({"description": "<p>Profiled</p>"}, spec["form"]),
        "stage move": lambda: to_move.web_save(
            {**setup["move"]["vals"], "stage_id": setup["move"]["to"]}, spec["form"]
        ),
        "search": lambda: Ticket.web_search_read(
            action_domain
            + [
                "|",
                ("number", "ilike", "request 4242"),
                ("name", "ilike", "request 4242"),
            ],
            spec["list"],
            limit=80,
            count_limit=10001,
        ),
        "chatter post": lambda: mine.message_post(
            body="Profiled", message_type="comment", subtype_xmlid="mail.mt_note"
        ),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--login")
    parser.add_argument("--top", type=int, default=4)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    product = "plain" if args.database.endswith("_plain") else "ours"
    setup = json.load(
        open(
            os.path.join(
                os.path.dirname(__file__), "..", ".cs", "load", f"{product}-agents.json"
            )
        )
    )
    login = args.login or setup["agents"][0]["login"]
    handler = Queries()
    sql_logger = logging.getLogger("odoo.sql_db")
    with Registry(args.database).cursor() as cr:
        uid = (
            api.Environment(cr, odoo.SUPERUSER_ID, {})["res.users"]
            .search([("login", "=", login)])
            .id
        )
        env = api.Environment(
            cr, uid, {"lang": "en_US", "tz": "Asia/Taipei", "bin_size": True}
        )
        if product == "ours":
            env = env(context=dict(env.context, cs_process_view=True))
        print(f"{args.database} as {login}")
        for name, function in actions(env, product, setup).items():
            env.invalidate_all()
            handler.queries = []
            sql_logger.addHandler(handler)
            sql_logger.propagate = False
            sql_logger.setLevel(logging.DEBUG)
            start = time.perf_counter()
            function()
            env.flush_all()
            elapsed = time.perf_counter() - start
            sql_logger.removeHandler(handler)
            sql_logger.propagate = True
            sql_logger.setLevel(logging.WARNING)
            total = sum(ms for ms, _query in handler.queries)
            print(
                f"\n{name}: {elapsed * 1000:.0f} ms, {len(handler.queries)} queries,"
                f" {total:.0f} ms in SQL"
            )
            for ms, query in sorted(handler.queries, reverse=True)[: args.top]:
                print(f"   {ms:8.1f} ms  {' '.join(query.split())[:400]}")
        cr.rollback()


if __name__ == "__main__":
    main()
