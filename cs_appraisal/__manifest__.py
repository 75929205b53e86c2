{
    "name": "Customer Service Appraisal",
    "summary": "Monthly and annual appraisal of service staff from four sources, "
    "fed by the service KPIs and training results",
    "version": "18.0.1.1.0",
    "category": "Services/Customer Service",
    "license": "AGPL-3",
    "author": "CS Suite developers",
    "website": "https://github.com/cs-suite/cs-suite",
    "depends": [
        "cs_management",
        "cs_training",
        "queue_job",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/rules.xml",
        "data/cs_appraisal_grade_data.xml",
        "data/cs_appraisal_template_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "report/cs_appraisal_report.xml",
        "views/cs_appraisal_views.xml",
        "views/cs_appraisal_feedback_views.xml",
        "views/cs_appraisal_period_views.xml",
        "views/cs_appraisal_template_views.xml",
        "views/cs_appraisal_grade_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_employee_views.xml",
        "wizards/cs_appraisal_reopen_views.xml",
        "wizards/cs_appraisal_unscheduled_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/cs_appraisal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cs_appraisal/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
