"""Demo receipts at the stores' tills, made by the real actions (a session
opened, receipts paid by Odoo's payment wizard) on the demo clock
(``clock_at``, the one way this code base dates demo records)."""

import random
from datetime import timedelta

from odoo import Command, fields

from odoo.addons.cs_management.demo.history import clock_at
from odoo.addons.cs_sale.demo.orders_history import PRODUCTS, _moment


def generate(env, receipts=24, days=60, seed=13):
    """A till for each store, its session open since ``days`` ago, and
    ``receipts`` paid receipts of the demo customers."""
    rng = random.Random(seed)
    # the company's administrator keeps the tills: our demo staff have no
    # point-of-sale rights
    env = env(user=env.ref("base.user_admin"))
    products = [env.ref(f"cs_management.{xmlid}") for xmlid in PRODUCTS]
    customers = env["res.partner"].search([("cs_consent_scope", "!=", False)])
    today = fields.Date.context_today(env["pos.order"])
    tills = []
    with clock_at(env, _moment(today, -days - 1, rng)):
        for store in env["cs.store"].search([], order="code"):
            tills.append(_till(env, store))
    for offset in sorted(rng.sample(range(1, days), receipts), reverse=True):
        till, cash = rng.choice(tills)
        with clock_at(env, _moment(today, -offset, rng)):
            _receipt(env, rng, till, cash, rng.choice(customers), products)


def staff_not_cashiers(env):
    """The demo's service staff keep to the desk: installing the point of
    sale gave every user its rights (Odoo's Default Access Rights), which
    would let them read every receipt instead of their customers'."""
    staff = env["hr.employee"].search([("cs_role_id", "!=", False)]).user_id
    staff -= env.ref("base.user_admin")
    pos_groups = env.ref("point_of_sale.group_pos_manager") | env.ref(
        "point_of_sale.group_pos_user"
    )
    staff.write({"groups_id": [Command.unlink(group.id) for group in pos_groups]})


def _till(env, store):
    journal = env["account.journal"].create(
        {"name": f"{store.code} Till", "type": "cash", "code": f"T{store.code[:4]}"}
    )
    cash = env["pos.payment.method"].create(
        {"name": f"{store.code} Cash", "journal_id": journal.id}
    )
    till = env["pos.config"].create(
        {
            "name": f"{store.name} Till",
            "cs_store_id": store.id,
            "payment_method_ids": [Command.set(cash.ids)],
        }
    )
    till.open_ui()
    return till, cash


def _receipt(env, rng, till, cash, customer, products):
    lines = [
        (product, rng.randint(1, 3))
        for product in rng.sample(products, rng.randint(1, 3))
    ]
    total = sum(product.list_price * quantity for product, quantity in lines)
    order = env["pos.order"].create(
        {
            "session_id": till.current_session_id.id,
            "partner_id": customer.id,
            "date_order": fields.Datetime.now() - timedelta(seconds=1),
            "lines": [
                Command.create(
                    {
                        "product_id": product.id,
                        "qty": quantity,
                        "price_unit": product.list_price,
                        "price_subtotal": product.list_price * quantity,
                        "price_subtotal_incl": product.list_price * quantity,
                        "tax_ids": [Command.clear()],
                    }
                )
                for product, quantity in lines
            ],
            "amount_total": total,
            "amount_tax": 0.0,
            "amount_paid": 0.0,
            "amount_return": 0.0,
        }
    )
    context = {"active_id": order.id, "active_ids": order.ids}
    env["pos.make.payment"].with_context(**context).create(
        {"amount": total, "payment_method_id": cash.id}
    ).check()
