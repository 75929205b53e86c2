from odoo import _, fields, models

# the training need's states that still wait for the training
OPEN_NEED_STATES = ("new", "planned", "enrolled")


class CsQaInspectionLine(models.Model):
    _inherit = "cs.qa.inspection.line"

    def _cs_is_weak(self):
        """Under the scorecard's training share of the criterion's points."""
        self.ensure_one()
        return self.normalized < self.criterion_id.scorecard_id.cs_training_share

    def _cs_weak_key(self):
        self.ensure_one()
        return (
            self.agent_id,
            self.criterion_id,
            fields.Date.start_of(self.date, "month"),
        )

    def _cs_create_needs(self):
        """One training need (source QA, the criterion's course) for each
        agent and course of these lines that has none open yet."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search([("user_id", "in", self.agent_id.ids)])
        )
        Need = self.env["cs.training.need"].sudo()
        courses = self.criterion_id.cs_course_id
        taken = {
            (need.employee_id, need.course_id)
            for need in Need.search(
                [
                    ("employee_id", "in", employees.ids),
                    ("course_id", "in", courses.ids),
                    ("state", "in", OPEN_NEED_STATES),
                ]
            )
        }
        values = []
        for line in self.sorted(lambda line: (not line.below_bar, line.id)):
            employee = employees.filtered(
                lambda e, line=line: (
                    e.user_id == line.agent_id and e.company_id == line.company_id
                )
            )[:1]
            course = line.criterion_id.cs_course_id
            if not employee or (employee, course) in taken:
                continue
            taken.add((employee, course))
            values.append(line._cs_need_values(employee))
        return Need.create(values)

    def _cs_need_values(self, employee):
        inspection = self.inspection_id
        return {
            "name": _(
                "%(criterion)s, from quality inspections",
                criterion=self.name,
            ),
            "employee_id": employee.id,
            "company_id": self.company_id.id,
            "course_id": self.criterion_id.cs_course_id.id,
            "source": "qa",
            "origin": inspection.display_name,
            "priority": "1" if self.below_bar else "0",
            "user_id": inspection.reviewer_id.id or self.env.user.id,
            "cs_qa_criterion_id": self.criterion_id.id,
            "cs_qa_inspection_id": inspection.id,
        }
