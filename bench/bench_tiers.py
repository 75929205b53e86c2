"""Time the customer tiers' scheduled action and the customer profile.

Run through bench/tiers.sh. Generates in SQL (in a bench database, never in
CI) ``--customers`` customers with 0 to 5 confirmed orders each over two
years, and one customer with 1,000 orders of two lines; then runs the tier
rules' scheduled action batch after batch as the scheduler would (one SQL
aggregation per batch, one write per tier, the movements created at once),
and opens that customer's profile and a ticket's customer panel as its
store's agent. Prints one JSON object. The measured work is rolled back.
"""

import argparse
import json
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

MARKER = "cs_bench_tiers.dataset"
PROFILE_FIELDS = [
    "cs_order_count",
    "cs_order_amount",
    "cs_last_order_date",
    "cs_order_interval_days",
    "cs_favourite_product_ids",
    "cs_favourite_categ_ids",
    "cs_satisfaction_trend",
    "cs_tier_id",
]
PANEL_FIELDS = [
    "cs_customer_tier_id",
    "cs_customer_order_count",
    "cs_customer_order_amount",
    "cs_customer_last_order_date",
    "cs_customer_favourite_product_ids",
    "cs_customer_favourite_categ_ids",
    "cs_customer_satisfaction_trend",
]


def parse_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=10_000)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    return args


def generate(env, customers):
    """Customers and their confirmed orders, in SQL: 0 to 5 orders each
    (customer id modulo 6), amounts 300 to 9,900, over the last 24 months."""
    cr = env.cr
    company = env.company
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, type, is_company,
                                 autopost_bills, create_date, write_date)
        SELECT 'Bench customer ' || n, 'Bench customer ' || n, true, 'contact',
               false, 'ask', now(), now()
          FROM generate_series(1, %s) n
        """,
        [customers],
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id "
        "WHERE commercial_partner_id IS NULL"
    )
    cr.execute(
        """
        INSERT INTO sale_order (name, partner_id, partner_invoice_id,
                                partner_shipping_id, company_id, currency_id,
                                date_order, state, amount_untaxed, amount_total,
                                picking_policy, create_date, write_date)
        SELECT 'BENCH/' || p.id || '/' || k, p.id, p.id, p.id, %s, %s,
               now() - (((p.id * 7 + k * 131) %% 730) || ' days')::interval,
               'sale', 300 + (p.id * 13 + k * 977) %% 9600,
               300 + (p.id * 13 + k * 977) %% 9600, 'direct', now(), now()
          FROM res_partner p
          JOIN LATERAL generate_series(1, p.id %% 6) k ON true
         WHERE p.name LIKE 'Bench customer %%'
        """,
        [company.id, company.currency_id.id],
    )
    cr.execute("ANALYZE res_partner")
    cr.execute("ANALYZE sale_order")


def big_customer(env):
    """One customer with 1,000 orders of two lines (serum, lipstick), and a
    ticket of a store's team; returns the customer, the ticket and the
    team's agent."""
    Product = env["product.product"]
    products = Product.search([("sale_ok", "=", True)], limit=2)
    partner = env["res.partner"].create({"name": "Bench loyal customer"})
    cr = env.cr
    company = env.company
    cr.execute(
        """
        INSERT INTO sale_order (name, partner_id, partner_invoice_id,
                                partner_shipping_id, company_id, currency_id,
                                date_order, state, amount_untaxed, amount_total,
                                picking_policy, create_date, write_date)
        SELECT 'BENCH/BIG/' || k, %(p)s, %(p)s, %(p)s, %(c)s, %(cur)s,
               now() - (k || ' days')::interval, 'sale', 200, 200, 'direct',
               now(), now()
          FROM generate_series(1, 1000) k
        RETURNING id
        """,
        {"p": partner.id, "c": company.id, "cur": company.currency_id.id},
    )
    order_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO sale_order_line (order_id, name, product_id, product_uom_qty,
                                     price_unit, price_total, price_subtotal,
                                     customer_lead, state, company_id,
                                     order_partner_id, currency_id)
        SELECT o, 'bench', prod, 1, 100, 100, 100, 0, 'sale', %(c)s, %(p)s, %(cur)s
          FROM unnest(%(orders)s) o, unnest(%(products)s) prod
        """,
        {
            "orders": order_ids,
            "products": products.ids,
            "c": company.id,
            "p": partner.id,
            "cur": company.currency_id.id,
        },
    )
    team = env["helpdesk.ticket.team"].search(
        [("cs_store_id", "!=", False), ("user_ids", "!=", False)], limit=1
    )
    agent = team.user_ids.filtered(
        lambda user: (
            user.has_group("cs_management.group_cs_agent")
            and not user.has_group("sales_team.group_sale_salesman_all_leads")
        )
    )[:1]
    ticket = env["helpdesk.ticket"].create(
        {
            "name": "Bench: my usual order",
            "description": "<p>bench</p>",
            "partner_id": partner.id,
            "team_id": team.id,
            "user_id": agent.id,
        }
    )
    return partner, ticket, agent


def spec(model, names):
    return {
        name: {"fields": {"display_name": {}}} if model._fields[name].relational else {}
        for name in names
    }


def time_open(record, names, runs=5):
    timings = []
    for _run in range(runs):
        record.env.invalidate_all()
        start = time.perf_counter()
        record.web_read(spec(record, names))
        timings.append((time.perf_counter() - start) * 1000)
    return {"first_ms": round(timings[0], 1), "warm_ms": round(min(timings[1:]), 1)}


def run_tiers(env, batch):
    """The scheduled action, batch after batch; each batch flushed as the
    scheduler's commit would."""
    Partner = env["res.partner"]
    Param = env["ir.config_parameter"]
    Param.set_param("cs_sale.tier_cursor", 0)
    env.cr.execute("SELECT COUNT(*) FROM cs_customer_tier_move")
    moves_before = env.cr.fetchone()[0]
    batches = []
    start = time.perf_counter()
    while True:
        batch_start = time.perf_counter()
        Partner._cron_cs_recompute_tiers(batch_size=batch)
        env.flush_all()
        batches.append(time.perf_counter() - batch_start)
        if not int(Param.get_param("cs_sale.tier_cursor")):
            break
    env.cr.execute("SELECT COUNT(*) FROM cs_customer_tier_move")
    return {
        "total_s": round(time.perf_counter() - start, 1),
        "batches": len(batches),
        "batch_avg_s": round(sum(batches) / len(batches), 2),
        "batch_max_s": round(max(batches), 2),
        "movements": env.cr.fetchone()[0] - moves_before,
    }


def main():
    args = parse_arguments()
    registry = Registry(args.database)
    result = {"customers": args.customers, "batch": args.batch}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        Param = env["ir.config_parameter"]
        if Param.get_param(MARKER) != str(args.customers):
            if Param.get_param(MARKER):
                raise SystemExit(f"{args.database} holds another dataset: drop it")
            start = time.perf_counter()
            generate(env, args.customers)
            Param.set_param(MARKER, str(args.customers))
            cr.commit()
            result["generate_s"] = round(time.perf_counter() - start, 1)
        cr.execute("SELECT COUNT(*) FROM sale_order WHERE name LIKE 'BENCH/%%'")
        result["orders"] = cr.fetchone()[0]
        for run in ("first_run", "steady_run"):
            result[run] = run_tiers(env, args.batch)
        cr.execute(
            "SELECT t.name->>'en_US', COUNT(*) FROM res_partner p "
            "JOIN cs_customer_tier t ON t.id = p.cs_tier_id GROUP BY 1 ORDER BY 1"
        )
        result["tiers"] = dict(cr.fetchall())
        partner, ticket, agent = big_customer(env)
        env.flush_all()
        agent_env = env(user=agent.id, su=False)
        result["profile_1000_orders"] = time_open(
            partner.with_env(agent_env), PROFILE_FIELDS
        )
        result["panel_1000_orders"] = time_open(
            ticket.with_env(agent_env), PANEL_FIELDS
        )
        result["profile_order_count"] = partner.with_env(agent_env).cs_order_count
        cr.rollback()
    print(json.dumps(result, indent=2), flush=True)


if __name__ == "__main__":
    main()
