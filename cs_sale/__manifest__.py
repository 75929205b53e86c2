{
    "name": "Customer Service: Orders and After-Sales",
    "summary": "Sale orders and deliveries on service tickets, returns, exchanges "
    "and reshipments through OCA RMA, customer purchase profile and tiers",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "license": "AGPL-3",
    "author": "CS Suite developers",
    "website": "https://github.com/cs-suite/cs-suite",
    "depends": [
        "cs_management",
        "helpdesk_mgmt_sale",
        "rma_sale",
        "sale_stock",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/customer_rules.xml",
        "data/cs_customer_tier_data.xml",
        "views/cs_customer_tier_views.xml",
        "views/res_partner_customer_views.xml",
        "views/helpdesk_ticket_customer_views.xml",
        "views/cs_customer_report_views.xml",
        "views/helpdesk_sla_tier_views.xml",
        "views/cs_followup_plan_tier_views.xml",
        "views/res_config_settings_customer_views.xml",
    ],
    "demo": [
        "demo/cs_customer_tier_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "auto_install": ["cs_management", "sale_stock"],
    "installable": True,
}
