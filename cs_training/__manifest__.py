{
    "name": "Customer Service Training",
    "summary": "Training needs and plans, courses, exams, certificates and the "
    "pass-before-you-work gate for service staff",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "license": "AGPL-3",
    "author": "CS Suite developers",
    "website": "https://github.com/cs-suite/cs-suite",
    "depends": [
        "cs_management",
        "hr_course",
        "hr_skills",
        "hr_skills_survey",
        "survey",
    ],
    "data": [
        "views/menus.xml",
    ],
    "application": True,
    "installable": True,
}
