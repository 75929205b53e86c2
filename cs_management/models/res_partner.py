from odoo import api, fields, models

CONSENT_SCOPES = [
    ("service", "Service follow-ups"),
    ("marketing", "Service and marketing"),
    ("withdrawn", "Withdrawn"),
]


class ResPartner(models.Model):
    """The customer's service profile (DATA-1)."""

    _name = "res.partner"
    _inherit = ["res.partner", "cs.personal.data"]
    _cs_personal_fields = (
        "email",
        "phone",
        "mobile",
        "street",
        "street2",
        "zip",
        "city",
        # the same details, computed or normalised
        "email_formatted",
        "email_normalized",
        "phone_sanitized",
        "phone_mobile_search",
        "contact_address",
        "contact_address_inline",
    )

    cs_preferences = fields.Text(
        string="Preferences",
        help="Skin type, favourite products, how and when to contact...",
    )
    cs_consent_date = fields.Date(string="Consent Given On", tracking=True)
    cs_consent_scope = fields.Selection(
        CONSENT_SCOPES,
        string="Consent Scope",
        tracking=True,
        help="What the customer allows us to use their data for; without "
        "consent they are left out of follow-up campaigns.",
    )
    cs_complaint_count = fields.Integer(
        string="Complaints", compute="_compute_cs_service_profile"
    )
    cs_last_satisfaction = fields.Char(
        string="Last Satisfaction", compute="_compute_cs_service_profile"
    )

    @api.depends("helpdesk_ticket_ids")
    def _compute_cs_service_profile(self):
        partners = self.commercial_partner_id
        complaints = dict(
            self.env["helpdesk.ticket"]._read_group(
                [
                    ("commercial_partner_id", "in", partners.ids),
                    ("cs_kind", "=", "complaint"),
                ],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        ratings = self.env["rating.rating"].search(
            [
                ("partner_id", "in", self.ids),
                ("consumed", "=", True),
                ("res_model", "=", "helpdesk.ticket"),
            ],
            order="write_date desc",
        )
        labels = dict(ratings._fields["rating_text"]._description_selection(self.env))
        for partner in self:
            partner.cs_complaint_count = complaints.get(
                partner.commercial_partner_id, 0
            )
            last = ratings.filtered(lambda rating, p=partner: rating.partner_id == p)[
                :1
            ]
            partner.cs_last_satisfaction = (
                labels.get(last.rating_text) if last else False
            )

    # a name with the address is a presentation: Many2one reads it as the
    # superuser for the user who asked, so the user decides the masking (and
    # the name is cached per user)
    @api.depends_context(
        "show_address",
        "partner_show_db_id",
        "address_inline",
        "show_email",
        "show_vat",
        "lang",
        "uid",
    )
    def _compute_display_name(self):
        if self.sudo(False)._cs_sees_masked() and (
            self.env.context.get("show_email") or self.env.context.get("show_address")
        ):
            plain = self.with_context(show_email=False, show_address=False)
            super(ResPartner, plain)._compute_display_name()
            for partner, name in zip(self, plain, strict=True):
                partner.display_name = name.display_name
            return
        super()._compute_display_name()

    @api.model
    def _search_display_name(self, operator, value):
        if not self._cs_sees_masked() or (operator.endswith("like") and not value):
            return super()._search_display_name(operator, value)
        # a name search that also matched e-mails would tell whose they are
        domain = [("complete_name", operator, value)]
        return (
            [("id", "child_of", self._search(domain))]
            if operator.endswith("like")
            else domain
        )

    def _cs_customers(self):
        # colleagues and companies are no customers
        staff = self.sudo().filtered(
            lambda partner: partner.user_ids.filtered(lambda user: not user.share)
        )
        return self - staff.with_env(self.env)

    def _cs_consents_to(self, use):
        """Whether the customer's consent covers ``use`` (service or marketing)."""
        self.ensure_one()
        allowed = {"service": ("service", "marketing"), "marketing": ("marketing",)}[
            use
        ]
        return self.cs_consent_scope in allowed
