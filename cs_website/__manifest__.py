{
    "name": "Customer Service: Web Form",
    "summary": "A public page where customers file a request to a store's "
    "service desk: the same complete ticket as an e-mail, protected against abuse",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "license": "AGPL-3",
    "author": "CS Suite developers",
    "website": "https://github.com/cs-suite/cs-suite",
    "depends": [
        "cs_management",
        "website_helpdesk_mgmt",
    ],
    "data": [
        "views/service_request_templates.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/website_menu_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cs_website/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
