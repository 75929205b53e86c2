from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

GROUP_WEIGHTS = (
    "results_weight",
    "attitude_weight",
    "ability_weight",
    "teamwork_weight",
)
SOURCE_WEIGHTS = ("self_weight", "supervisor_weight", "customer_weight", "peer_weight")


class CsAppraisalTemplate(models.Model):
    """The weighted criteria an employee of some roles is appraised on
    (APR-2), and the weights of the four sources of the score (APR-4)."""

    _name = "cs.appraisal.template"
    _description = "Appraisal Template"
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to use the template in every company."
    )
    role_ids = fields.Many2many(
        "cs.role",
        string="Roles",
        help="Employees holding one of these roles are appraised with this template.",
    )
    criterion_ids = fields.One2many(
        "cs.appraisal.criterion", "template_id", string="Criteria", copy=True
    )

    # product defaults (digest §13), not seed facts
    results_weight = fields.Integer(string="Results (%)", default=50)
    attitude_weight = fields.Integer(string="Attitude (%)", default=20)
    ability_weight = fields.Integer(string="Ability and Knowledge (%)", default=20)
    teamwork_weight = fields.Integer(string="Teamwork (%)", default=10)
    self_weight = fields.Integer(string="Self-Assessment (%)", default=10)
    supervisor_weight = fields.Integer(string="Supervisor (%)", default=50)
    customer_weight = fields.Integer(string="Customers (%)", default=30)
    peer_weight = fields.Integer(string="Peers (%)", default=10)
    training_threshold = fields.Float(
        string="Training Need Below",
        default=60.0,
        help="A published appraisal logs a training need for every criterion scored "
        "below this (out of 100).",
    )

    @api.constrains(*GROUP_WEIGHTS, *SOURCE_WEIGHTS)
    def _check_weights(self):
        for template in self:
            groups = [template[name] for name in GROUP_WEIGHTS]
            sources = [template[name] for name in SOURCE_WEIGHTS]
            if any(weight < 0 for weight in groups + sources):
                raise ValidationError(
                    _(
                        "Weights of %(template)s cannot be negative.",
                        template=template.name,
                    )
                )
            if sum(groups) != 100:
                raise ValidationError(
                    _(
                        "The weights of the criteria groups of %(template)s total "
                        "%(total)s: make them total 100.",
                        template=template.name,
                        total=sum(groups),
                    )
                )
            if sum(sources) != 100:
                raise ValidationError(
                    _(
                        "The weights of self-assessment, supervisor, customers and "
                        "peers of %(template)s total %(total)s: make them total 100.",
                        template=template.name,
                        total=sum(sources),
                    )
                )

    @api.constrains("role_ids", "company_id", "active")
    def _check_one_template_per_role(self):
        for template in self.filtered("active"):
            other = self.search(
                [
                    ("id", "!=", template.id),
                    ("role_ids", "in", template.role_ids.ids),
                    ("company_id", "=", template.company_id.id),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    _(
                        "Role %(role)s is already appraised with template %(other)s: "
                        "remove it from one of the two templates.",
                        role=(template.role_ids & other.role_ids)[:1].name,
                        other=other.name,
                    )
                )

    @api.model
    def _for_roles(self, company):
        """{role: template} of ``company``: its own templates before shared ones."""
        templates = self.search([("company_id", "in", (company.id, False))])
        by_role = {}
        for template in templates.sorted(
            lambda t: (not t.company_id, t.sequence, t.id)
        ):
            for role in template.role_ids:
                by_role.setdefault(role, template)
        return by_role
