from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

# APR-5: who may change what, at which step; the one declaration the write
# checks of the form and of its criteria lines and the form view (through
# the ``<group>_editable`` fields) read. "supervisor" is the employee's
# manager (or a CS manager standing in); "manager" a CS manager. Everything
# else (state, figures, outcomes) only moves through the actions.
# {group: (fields of the form, fields of its criteria lines)}
FIELD_GROUPS = {
    "assignment": ({"supervisor_id"}, set()),
    "peers": ({"feedback_ids"}, set()),
    "self": ({"self_comment", "line_ids"}, {"self_score", "self_comment"}),
    "review": (
        {"supervisor_comment", "line_ids"},
        {"supervisor_score", "supervisor_comment"},
    ),
    "plan": ({"improvement_plan"}, set()),
    "calibration": ({"calibration_adjustment", "calibration_reason"}, set()),
    "reply": ({"employee_comment"}, set()),
}
# {step: {party: the groups it may change}}
RIGHTS = {
    "open": {"supervisor": {"peers"}, "manager": {"assignment"}},
    "self_assessment": {
        "employee": {"self"},
        "supervisor": {"peers"},
        "manager": {"assignment"},
    },
    "review": {"supervisor": {"review", "plan", "peers"}, "manager": {"assignment"}},
    "calibration": {"manager": {"calibration", "plan"}},
    "published": {"employee": {"reply"}},
}


class CsAppraisal(models.Model):
    """Who may write what on an appraisal, at which step (APR-5)."""

    _inherit = "cs.appraisal"

    # what the current user may change now, for the view: one per group
    assignment_editable = fields.Boolean(compute="_compute_editable")
    peers_editable = fields.Boolean(compute="_compute_editable")
    self_editable = fields.Boolean(compute="_compute_editable")
    review_editable = fields.Boolean(compute="_compute_editable")
    plan_editable = fields.Boolean(compute="_compute_editable")
    calibration_editable = fields.Boolean(compute="_compute_editable")
    reply_editable = fields.Boolean(compute="_compute_editable")

    @api.depends_context("uid")
    @api.depends("state", "user_id", "supervisor_user_id")
    def _compute_editable(self):
        for form in self:
            groups = form._cs_editable_groups()
            form.update(
                {f"{group}_editable": group in groups for group in FIELD_GROUPS}
            )

    def _cs_parties(self):
        """What the current user is to this form: employee, supervisor (its
        manager, or a CS manager standing in), manager (a CS manager)."""
        self.ensure_one()
        if self.env.su:
            return {"employee", "supervisor", "manager"}
        parties = set()
        if self.user_id == self.env.user:
            parties.add("employee")
        if self.env.user.has_group("cs_management.group_cs_manager"):
            parties |= {"supervisor", "manager"}
        elif self.supervisor_user_id == self.env.user:
            parties.add("supervisor")
        return parties

    def _cs_editable_groups(self):
        """The groups of fields the current user may change now."""
        self.ensure_one()
        allowed = RIGHTS.get(self.state, {})
        return set().union(*(allowed.get(party, set()) for party in self._cs_parties()))

    def _cs_editable(self, lines=False):
        """The fields of the form (of its criteria lines if ``lines``) the
        current user may change now."""
        side = 1 if lines else 0
        return set().union(
            *(FIELD_GROUPS[group][side] for group in self._cs_editable_groups())
        )

    def _cs_refuse(self, model, names):
        """Refuse to change the fields ``names`` of ``model`` on this form."""
        self.ensure_one()
        labels = ", ".join(
            sorted(model._fields[name]._description_string(self.env) for name in names)
        )
        raise AccessError(
            _(
                "%(form)s is at the step %(step)s: you cannot change %(fields)s now. "
                "Each step lets only its owner write their part; once published, a CS "
                "manager can reopen it.",
                form=self.name,
                step=dict(self._fields["state"]._description_selection(self.env))[
                    self.state
                ],
                fields=labels,
            )
        )

    def write(self, vals):
        if not self.env.su:
            for form in self:
                refused = set(vals) - form._cs_editable()
                if refused:
                    form._cs_refuse(self, refused)
        self._cs_guard_sheet(vals)
        return super().write(vals)

    def _cs_require(self, party, states):
        """Stop unless every form is at one of ``states`` and the current
        user is ``party`` to it."""
        messages = {
            "employee": _("Only %(employee)s can do this on their appraisal %(form)s."),
            "supervisor": _(
                "Only the supervisor of %(employee)s or a CS manager can do this on "
                "%(form)s."
            ),
            "manager": _("Only a CS manager can do this on %(form)s."),
        }
        labels = dict(self._fields["state"]._description_selection(self.env))
        for form in self:
            if form.state not in states:
                raise UserError(
                    _(
                        "%(form)s is at the step %(step)s: this needs the step "
                        "%(steps)s.",
                        form=form.name,
                        step=labels[form.state],
                        steps=" / ".join(labels[state] for state in states),
                    )
                )
            if party not in form._cs_parties():
                raise AccessError(
                    messages[party]
                    % {"employee": form.employee_id.name, "form": form.name}
                )
