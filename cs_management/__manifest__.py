{
    "name": "Customer Service Management",
    "summary": "Stores, service roles and reporting lines, complaint lifecycle, "
    "service standards, quality inspections and KPIs on OCA Helpdesk",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "license": "AGPL-3",
    "author": "CS Suite developers",
    "website": "https://github.com/cs-suite/cs-suite",
    "depends": [
        "crm",
        "hr",
        "hr_org_chart",
        "helpdesk_mgmt",
        "helpdesk_mgmt_crm",
        "helpdesk_mgmt_rating",
        "helpdesk_mgmt_sla",
        "helpdesk_mgmt_stage_validation",
    ],
    "data": [
        "security/groups.xml",
        "security/ir.model.access.csv",
        "security/rules.xml",
        "data/cs_role_data.xml",
        "views/cs_store_views.xml",
        "views/cs_role_views.xml",
        "views/hr_employee_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/cs_org_demo.xml",
        "demo/helpdesk_ticket_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cs_management/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
