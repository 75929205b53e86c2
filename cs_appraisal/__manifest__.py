{
    "name": "Customer Service Appraisal",
    "summary": "Monthly and annual appraisal of service staff from four sources, "
    "fed by the service KPIs and training results",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "license": "AGPL-3",
    "author": "CS Suite developers",
    "website": "https://github.com/cs-suite/cs-suite",
    "depends": [
        "cs_management",
        "cs_training",
    ],
    "data": [
        "views/menus.xml",
    ],
    "application": True,
    "installable": True,
}
