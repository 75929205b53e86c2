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
        "stock_delivery",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/orders_security.xml",
        "data/rma_operation_data.xml",
        "views/helpdesk_ticket_orders_views.xml",
        "views/rma_views.xml",
        "views/cs_after_sales_wizard_views.xml",
    ],
    "demo": ["demo/cs_sale_demo.xml"],
    "post_init_hook": "post_init_hook",
    "auto_install": ["cs_management", "sale_stock"],
    "installable": True,
}
