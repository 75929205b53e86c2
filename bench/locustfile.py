"""Service agents working tickets through the web client's JSON-RPC
(bench/load.sh runs this in Locust's own virtualenv).

Each simulated user logs in as one bench agent (record rules apply) and,
with a think time of 1-3 s, opens the ticket kanban (web_read_group, then
web_search_read of each open column in parallel, as the kanban does), opens
a form (web_read with the form's specification; the chatter's thread data
and messages load beside it), saves a change, moves a ticket of its own to
the next stage, searches, and posts in the chatter. Specifications are built
from the views the server returns (get_views), as the web client builds
them. Every write acknowledged is journalled in $LOAD_OUT/writes.jsonl for
the lost-write check of load_report.py.

Each user action is also reported as a request of type ACTION named after
it, timed over its RPCs as the agent waits for them.
"""

import itertools
import json
import os
import random
import threading
import time
import uuid
import xml.etree.ElementTree as ET

import gevent
from load_spec import fields_spec, model_fields
from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

PRODUCT = os.environ.get("LOAD_PRODUCT", "ours")
OUT = os.environ.get("LOAD_OUT", ".")
SETUP = json.load(
    open(
        os.environ.get("LOAD_AGENTS")
        or os.path.join(OUT, "..", f"{PRODUCT}-agents.json")
    )
)
DB = os.environ["LOAD_DB"]
# the ticket menu's action as each product ships it, with its default filter "Open"
ACTION_DOMAIN = [("cs_process", "=", True)] if PRODUCT == "ours" else []
ACTION_CONTEXT = {"cs_process_view": True} if PRODUCT == "ours" else {}
OPEN = [("closed", "=", False)]
KANBAN_LIMIT = 40
COUNT_LIMIT = 10001
SEQ = itertools.count(1)
# figures count from the moment every agent has logged in (logins hash a
# password: minutes of CPU for 50 agents on 2 cores), for LOAD_SECONDS
USERS = int(os.environ.get("LOAD_USERS", "1"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "180"))
STARTED = itertools.count(1)
MEASURING = False
AGENT_SLOT = itertools.count(0)
JOURNAL_LOCK = threading.Lock()
JOURNAL = open(os.path.join(OUT, "writes.jsonl"), "a", buffering=1)
TIMES = open(os.path.join(OUT, "actions.jsonl"), "a", buffering=1)
# every failed RPC, before the measure too (Locust's figures restart with it)
ERRORS = open(os.path.join(OUT, "errors.jsonl"), "a", buffering=1)


class RpcError(Exception):
    pass


def log_error(name, message):
    with JOURNAL_LOCK:
        ERRORS.write(
            json.dumps(
                {
                    "rpc": name,
                    "error": message,
                    "measured": MEASURING,
                    "at": time.time(),
                }
            )
            + "\n"
        )


def journal(**entry):
    entry["at"] = time.time()
    with JOURNAL_LOCK:
        JOURNAL.write(json.dumps(entry) + "\n")


class Agent(FastHttpUser):
    wait_time = between(1, 3)
    network_timeout = 300.0
    connection_timeout = 300.0

    def on_start(self):
        try:
            self.log_in()
        finally:
            if next(STARTED) == USERS:
                self.begin_measure()

    def begin_measure(self):
        global MEASURING
        MEASURING = True
        runner = self.environment.runner
        runner.stats.reset_all()
        print(
            f"all {USERS} agents logged in: measuring for {SECONDS:.0f} s", flush=True
        )
        gevent.spawn_later(SECONDS, runner.quit)

    def log_in(self):
        agents = SETUP["agents"]
        slot = next(AGENT_SLOT)
        # one agent per team in turn: agents are spread over the teams round-robin
        self.agent = agents[(slot * 19) % len(agents)]
        self.uid = self.agent["uid"]
        # logins queue behind each other's password hashing: an agent
        # whose page does not load waits and loads it again, as a person would
        result = self.retried(
            lambda: self.jsonrpc(
                "login",
                "/web/session/authenticate",
                {"db": DB, "login": self.agent["login"], "password": SETUP["password"]},
            )
        )
        self.user_context = {**result["user_context"], **ACTION_CONTEXT}
        views = self.retried(
            lambda: self.call(
                "helpdesk.ticket",
                "get_views",
                [],
                {
                    "views": [
                        [False, "kanban"],
                        [False, "list"],
                        [False, "form"],
                        [False, "search"],
                    ],
                    "options": {"load_filters": True, "toolbar": True},
                },
                name="setup:get_views",
            )
        )
        models = views["models"]
        fields = model_fields(models, "helpdesk.ticket")
        self.specs = {
            mode: fields_spec(
                ET.fromstring(views["views"][mode]["arch"]), fields, models
            )
            for mode in ("kanban", "list", "form")
        }
        self.seen = []  # tickets of the last kanban or search, to open
        self.mine = self.retried(lambda: self.own_tickets(OPEN))
        # each ticket saved once a run, so that every save can be checked
        self.to_save = random.sample(self.mine, len(self.mine))
        self.to_move = self.retried(
            lambda: self.own_tickets([("stage_id", "=", SETUP["move"]["from"])])
        )

    @staticmethod
    def retried(function, attempts=5):
        for attempt in range(attempts):
            try:
                return function()
            except RpcError:
                if attempt == attempts - 1:
                    raise
                gevent.sleep(5)

    def own_tickets(self, domain):
        result = self.call(
            "helpdesk.ticket",
            "web_search_read",
            [],
            {
                "domain": ACTION_DOMAIN + [("user_id", "=", self.uid)] + domain,
                "specification": {"display_name": {}},
                "limit": 200,
                "order": "id desc",
            },
            name="setup:own tickets",
        )
        return [record["id"] for record in result["records"]]

    # --- RPC ---------------------------------------------------------------
    def jsonrpc(self, name, path, params):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(SEQ),
            "params": params,
        }
        with self.client.post(
            path, json=payload, name=name, catch_response=True
        ) as response:
            try:
                data = json.loads(response.content)
            except (TypeError, ValueError):
                response.failure(f"HTTP {response.status_code}: not JSON")
                log_error(
                    name,
                    f"HTTP {response.status_code}: "
                    f"{str(getattr(response, 'error', '') or '')[:200]}",
                )
                raise RpcError(name) from None
            if "error" in data:
                error = data["error"].get("data", {})
                message = (
                    f"{error.get('name', '')}: {error.get('message', data['error'])}"[
                        :300
                    ]
                )
                response.failure(message)
                log_error(name, message)
                raise RpcError(name)
            response.success()
            return data["result"]

    def call(self, model, method, args, kwargs, name=None):
        kwargs = {
            **kwargs,
            "context": {**self.user_context, **kwargs.get("context", {})},
        }
        return self.jsonrpc(
            name or f"{method} {model}",
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def action(self, name, function):
        """Time one user action (its RPCs as the agent waits for them)."""
        start = time.perf_counter()
        try:
            function()
        except gevent.GreenletExit:
            raise  # the run ends: an action cut short is not a figure
        except Exception as error:  # noqa: BLE001 - any failure is the action's error
            self.record(name, start, error)
        else:
            self.record(name, start, None)

    def record(self, name, start, exception):
        elapsed = (time.perf_counter() - start) * 1000
        events.request.fire(
            request_type="ACTION",
            name=name,
            response_time=elapsed,
            response_length=0,
            exception=exception,
            context={},
        )
        with JOURNAL_LOCK:
            TIMES.write(
                json.dumps(
                    {
                        "action": name,
                        "measured": MEASURING,
                        "ms": round(elapsed, 1),
                        "ok": exception is None,
                        "error": repr(exception)[:300] if exception else None,
                        "at": time.time(),
                    }
                )
                + "\n"
            )

    # --- actions -----------------------------------------------------------
    @task(3)
    def kanban(self):
        def run():
            domain = ACTION_DOMAIN + OPEN
            read = self.call(
                "helpdesk.ticket",
                "web_read_group",
                [],
                {
                    "domain": domain,
                    "fields": [],
                    "groupby": ["stage_id"],
                    "orderby": "",
                    "lazy": True,
                    "offset": 0,
                    "limit": 80,
                },
                name="kanban: web_read_group",
            )
            groups = [
                g
                for g in read["groups"]
                if not g.get("__fold") and g.get("stage_id_count")
            ][:10]
            jobs = [
                gevent.spawn(
                    self.call,
                    "helpdesk.ticket",
                    "web_search_read",
                    [],
                    {
                        "domain": group["__domain"],
                        "specification": self.specs["kanban"],
                        "offset": 0,
                        "order": "",
                        "limit": KANBAN_LIMIT,
                        "count_limit": COUNT_LIMIT,
                        "context": {
                            "bin_size": True,
                            "default_stage_id": group["stage_id"][0],
                        },
                    },
                    name="kanban: web_search_read",
                )
                for group in groups
            ]
            gevent.joinall(jobs)
            records = []
            for job in jobs:
                if not job.successful():
                    raise (
                        job.exception
                        if isinstance(job.exception, RpcError)
                        else RpcError("kanban column")
                    )
                records += job.value["records"]
            self.seen = [record["id"] for record in records] or self.seen

        self.action("kanban", run)

    @task(4)
    def form(self):
        ticket = random.choice(self.seen or self.mine)
        chatter = gevent.spawn(
            self.action, "chatter (form)", lambda: self.load_chatter(ticket)
        )
        self.action(
            "form",
            lambda: self.call(
                "helpdesk.ticket",
                "web_read",
                [[ticket]],
                {
                    "specification": self.specs["form"],
                    "context": {"bin_size": True},
                },
                name="form: web_read",
            ),
        )
        chatter.join()

    def load_chatter(self, ticket):
        thread = {"thread_model": "helpdesk.ticket", "thread_id": ticket}
        jobs = [
            gevent.spawn(
                self.jsonrpc,
                "chatter: /mail/thread/data",
                "/mail/thread/data",
                {
                    **thread,
                    "request_list": [
                        "activities",
                        "attachments",
                        "followers",
                        "scheduledMessages",
                        "suggestedRecipients",
                    ],
                },
            ),
            gevent.spawn(
                self.jsonrpc,
                "chatter: /mail/thread/messages",
                "/mail/thread/messages",
                {**thread, "limit": 30},
            ),
        ]
        gevent.joinall(jobs)
        for job in jobs:
            if not job.successful():
                raise RpcError("chatter")

    @task(2)
    def save(self):
        if not self.to_save:
            return
        ticket = self.to_save.pop()
        token = uuid.uuid4().hex
        body = f"<p>The customer called back ({self.agent['login']}, {token}).</p>"

        def run():
            self.call(
                "helpdesk.ticket",
                "web_save",
                [[ticket], {"description": body}],
                {
                    "specification": self.specs["form"],
                    "context": {"bin_size": True},
                },
                name="save: web_save",
            )
            journal(
                measured=MEASURING,
                kind="save",
                ticket=ticket,
                token=token,
                agent=self.agent["login"],
            )

        self.action("save", run)

    @task(1)
    def stage_move(self):
        if not self.to_move:
            return
        ticket = self.to_move.pop()
        move = SETUP["move"]

        def run():
            # as the form's status bar: the step's data and the stage in one save
            self.call(
                "helpdesk.ticket",
                "web_save",
                [[ticket], {**move["vals"], "stage_id": move["to"]}],
                {
                    "specification": self.specs["form"],
                    "context": {"bin_size": True},
                },
                name="stage move: web_save",
            )
            journal(
                measured=MEASURING,
                kind="move",
                ticket=ticket,
                stage=move["to"],
                agent=self.agent["login"],
            )

        self.action("stage move", run)

    @task(2)
    def search(self):
        term = f"request {random.randrange(1, 1_000_000)}"

        def run():
            # the search bar's default field (number or title), in the list
            result = self.call(
                "helpdesk.ticket",
                "web_search_read",
                [],
                {
                    "domain": ACTION_DOMAIN
                    + ["|", ("number", "ilike", term), ("name", "ilike", term)],
                    "specification": self.specs["list"],
                    "offset": 0,
                    "order": "",
                    "limit": 80,
                    "count_limit": COUNT_LIMIT,
                    "context": {"bin_size": True},
                },
                name="search: web_search_read",
            )
            # and a customer picked in a many2one field
            self.call(
                "res.partner",
                "name_search",
                [],
                {
                    "name": f"Bench Customer {random.randrange(1, 20000)}",
                    "args": [],
                    "operator": "ilike",
                    "limit": 8,
                },
                name="search: name_search res.partner",
            )
            self.seen = [record["id"] for record in result["records"]] or self.seen

        self.action("search", run)

    @task(1)
    def chatter_post(self):
        if not self.mine:
            return
        ticket = random.choice(self.mine)
        token = uuid.uuid4().hex

        def run():
            self.jsonrpc(
                "chatter post: /mail/message/post",
                "/mail/message/post",
                {
                    "thread_model": "helpdesk.ticket",
                    "thread_id": ticket,
                    "post_data": {
                        "body": f"Called the customer back ({token})",
                        "message_type": "comment",
                        "subtype_xmlid": "mail.mt_note",
                        "attachment_ids": [],
                        "partner_ids": [],
                    },
                    "context": {
                        k: v
                        for k, v in self.user_context.items()
                        if k in ("lang", "tz", "uid")
                    },
                },
            )
            journal(
                measured=MEASURING,
                kind="post",
                ticket=ticket,
                token=token,
                agent=self.agent["login"],
            )

        self.action("chatter post", run)
