{
    "name": "Customer Service: Point of Sale",
    "summary": "The customer's till receipts on service tickets, counted in the "
    "purchase profile, the customer tiers, the loyalty report and the store's sales",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "license": "AGPL-3",
    "author": "CS Suite developers",
    "website": "https://github.com/cs-suite/cs-suite",
    "depends": [
        "cs_sale",
        "point_of_sale",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/pos_security.xml",
        "views/helpdesk_ticket_pos_views.xml",
        "views/pos_config_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "auto_install": True,
    "installable": True,
}
