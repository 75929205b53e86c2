"""18.0.1.1.0: an agent is charged only for complaints about its own service.

The shipped templates' complaint criteria measured the complaints an employee
held, which punished those who receive complaints by design; they now measure
the complaints charged to the employee (000 §7.1.1). The templates are
`noupdate` data, so the criteria still on the old measure are moved here (their
names, which an admin may have translated, stay); one an administrator changed
is left as it is. Appraisals already scored keep
their lines.
"""

from odoo import SUPERUSER_ID, api

COMPLAINT_CRITERIA = (
    "criterion_staff_complaint_rate",
    "criterion_sales_complaint_rate",
    "criterion_leaders_complaint_rate",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in COMPLAINT_CRITERIA:
        criterion = env.ref(f"cs_appraisal.{xmlid}", raise_if_not_found=False)
        if criterion and criterion.kpi == "complaint_rate":
            criterion.kpi = "agent_complaint_rate"
