"""Demo purchases at the stores and online, and after-sales on them, made
by the real actions (confirm, deliver, invoice, RMA) on the demo clock
(``clock_at``, the one way this code base dates demo records)."""

import random
from datetime import datetime, time, timedelta

from odoo import Command, fields

from odoo.addons.cs_management.demo.history import clock_at

PRODUCTS = (
    "product_foundation",
    "product_night_cream",
    "product_cleansing_oil",
    "product_lipstick",
    "product_sunscreen",
    "product_toner",
)
# the store whose after-sales agent handles the demo requests
STORE_TEAM = "cs_management.helpdesk_team_tpe01"
AGENT = "cs_management.user_lee_mingche"  # aftersales
STORE_MANAGER = "cs_management.user_chang_hsiaowen"  # store.manager
# (after-sales kind, how far its RMA goes, days ago it was bought): one
# ticket each, every state of an RMA once; the last two stay for the user
AFTER_SALES = (
    ("return", "draft", 6),
    ("return", "confirmed", 5),
    ("return", "refunded", 6),
    ("exchange", "waiting_replacement", 4),
    ("exchange", "replaced", 5),
    ("reshipment", "replaced", 3),
    ("return", "cancelled", 4),
    ("exchange", "ready", 1),
    ("return", "ready", 2),
)


def generate(env, orders=30, days=90, seed=11):
    """Orders, deliveries and after-sales of the demo customers."""
    rng = random.Random(seed)
    products = [env.ref(f"cs_management.{xmlid}") for xmlid in PRODUCTS]
    warehouse = env["stock.warehouse"].search(
        [("company_id", "=", env.company.id)], limit=1
    )
    today = fields.Date.context_today(env["sale.order"])
    with clock_at(env, datetime.combine(today - timedelta(days=days + 1), time(1))):
        _stock(env, products, warehouse)
    _give_billing_rights(env)
    customers = env["res.partner"].search([("cs_consent_scope", "!=", False)])
    stores = env["cs.store"].search([("crm_team_id", "!=", False)])
    for offset in sorted(rng.sample(range(10, days), orders - len(AFTER_SALES))):
        store = rng.choice([*stores, None])  # None: bought online
        with clock_at(env, _moment(today, -offset, rng)):
            _sell(env, rng, rng.choice(customers), store, products, warehouse)
    store = env.ref(STORE_TEAM).cs_store_id
    for kind, until, offset in AFTER_SALES:
        with clock_at(env, _moment(today, -offset, rng)):
            order = _sell(env, rng, rng.choice(customers), store, products, warehouse)
        _after_sale(env, order, kind, until)


def _moment(today, offset, rng):
    """A time of the store's opening hours (UTC) on ``today + offset``."""
    return datetime.combine(
        today + timedelta(days=offset), time(rng.randint(2, 9), rng.randint(0, 59))
    )


def _stock(env, products, warehouse):
    """cs_management's demo cosmetics become stocked goods of the company's
    warehouse, in the category with the 7-day return window, before any is
    sold (an order line of a non-storable product delivers nothing)."""
    category = env.ref("cs_sale.product_category_cosmetics")
    for product in products:
        product.write({"is_storable": True, "categ_id": category.id})
    env["stock.quant"].with_context(inventory_mode=True).create(
        [
            {
                "product_id": product.id,
                "location_id": warehouse.lot_stock_id.id,
                "inventory_quantity": 300,
            }
            for product in products
        ]
    ).action_apply_inventory()


def _give_billing_rights(env):
    """The demo store manager validates the credit notes of the store (an
    administrator gives Odoo's billing rights by hand in production)."""
    env.ref(STORE_MANAGER).groups_id = [
        Command.link(env.ref("account.group_account_invoice").id)
    ]


def _sell(env, rng, customer, store, products, warehouse):
    """An order confirmed, delivered in full and invoiced, now."""
    team = store.crm_team_id if store else env.ref("sales_team.team_sales_department")
    order = env["sale.order"].create(
        {
            "partner_id": customer.id,
            "team_id": team.id,
            "user_id": (team.member_ids[:1] or env.user).id,
            "warehouse_id": warehouse.id,
            "order_line": [
                Command.create(
                    {"product_id": product.id, "product_uom_qty": rng.randint(1, 2)}
                )
                for product in rng.sample(products, rng.randint(1, 3))
            ],
        }
    )
    order.action_confirm()
    _validate(order.picking_ids)
    order._create_invoices().action_post()
    return order


def _validate(pickings):
    """The warehouse ships or receives everything: all quantities picked,
    then Validate, answering its pop-up as a user would."""
    if not pickings:
        return
    for move in pickings.move_ids:
        move.quantity = move.product_uom_qty
        move.picked = True
    result = pickings.button_validate()
    if isinstance(result, dict) and result.get("res_model") == "confirm.stock.sms":
        # stock_sms asks once per company whether to text the customers on
        # delivery: not the demo customers
        env = pickings.env
        env["confirm.stock.sms"].browse(result["res_id"]).with_context(
            **result["context"]
        ).dont_send_sms()
    undelivered = pickings.filtered(lambda picking: picking.state != "done")
    if undelivered:
        raise RuntimeError(f"demo: {undelivered.mapped('name')} not validated")


def _after_sale(env, order, kind, until):
    """The customer calls the store a few hours after the delivery; the
    store's after-sales agent opens a ticket on the order and, unless the
    ticket is left for the user, starts the request and it goes on."""
    agent = env.ref(AGENT)
    moment = order.effective_date + timedelta(hours=3)
    with clock_at(env, moment):
        ticket = _ticket(env, agent, order, kind)
        if until == "ready":
            return
        wizard = (
            env["cs.after.sales.wizard"]
            .with_user(agent)
            .create({"ticket_id": ticket.id, "kind": kind, "order_id": order.id})
        )
        wizard.line_ids[:1].quantity = 1
        if until == "draft":  # saved on the RMA form, not confirmed yet
            line = wizard.line_ids[:1]
            env["rma"].with_user(agent).create(
                line._rma_values(wizard._operation(), "顧客考慮中", False)
            )
            return
        wizard.action_start()
    _walk_rma(env, ticket.cs_rma_ids.with_user(agent), until, moment)


def _ticket(env, agent, order, kind):
    label = {"return": "退貨", "exchange": "換貨", "reshipment": "補寄"}[kind]
    ticket = (
        env["helpdesk.ticket"]
        .with_user(agent)
        .create(
            {
                "name": f"{label}：{order.order_line[0].product_id.name}",
                "description": f"<p>顧客來電要求{label}（示範資料）。</p>",
                "team_id": env.ref(STORE_TEAM).id,
                "user_id": agent.id,
                "partner_id": order.partner_id.id,
                "category_id": env.ref("cs_management.category_after_sales").id,
            }
        )
    )
    ticket.sale_order_ids = order
    return ticket


def _walk_rma(env, rma, until, moment):
    """The agent cancels, or the warehouse receives the goods back (a
    return is then refunded by a draft credit note) and ships the
    replacement, each a day later."""
    if until == "cancelled":
        with clock_at(env, moment + timedelta(hours=1)):
            rma.action_cancel()
        return
    if until == "confirmed":
        return
    warehouse_rma = rma.with_env(env)
    with clock_at(env, moment + timedelta(days=1)):
        _validate(warehouse_rma.reception_move_id.picking_id)
    if until == "replaced":
        with clock_at(env, moment + timedelta(days=2)):
            _validate(warehouse_rma.delivery_move_ids.picking_id)
