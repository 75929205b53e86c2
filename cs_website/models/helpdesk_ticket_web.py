import mimetypes
from datetime import timedelta

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools.mimetypes import guess_mimetype

# kinds the desk itself records, never a customer
STAFF_KINDS = ("public_opinion",)
MEGABYTE = 1024 * 1024


class HelpdeskTicket(models.Model):
    """Requests from the public web form (CMP-1): the same complete ticket
    as an e-mail to the store's address, or nothing and a message to the
    customer saying what to correct."""

    _inherit = "helpdesk.ticket"

    @api.model
    def _cs_web_teams(self, company):
        """The stores (and the service centre) that take web requests: the
        teams of the service process that show in the portal."""
        return self.env["helpdesk.ticket.team"].search(
            [
                ("cs_process", "=", True),
                ("show_in_portal", "=", True),
                ("company_id", "in", [company.id, False]),
            ]
        )

    @api.model
    def _cs_web_kinds(self, company):
        return self.env["helpdesk.ticket.category"].search(
            [
                ("show_in_portal", "=", True),
                ("cs_kind", "not in", [False, *STAFF_KINDS]),
                ("company_id", "in", [company.id, False]),
            ]
        )

    @api.model
    def _cs_web_request_values(self, values, files, company, consent, trap):
        """The values of the ticket a web request files; bad input is
        refused, with what to correct, before anything is written."""
        company = company.with_env(self.env)
        if trap:
            # a field people never see was filled in: a robot
            raise UserError(_("Your request could not be sent."))
        team, category = self._cs_web_choices(values, company)
        name = (values.get("partner_name") or "").strip()
        email = tools.email_normalize(values.get("partner_email") or "")
        if not (name and email):
            raise UserError(
                _("Give your name and a valid e-mail address so that we can answer.")
            )
        if (
            not (values.get("name") or "").strip()
            or not tools.html2plaintext(values.get("description") or "").strip()
        ):
            raise UserError(_("Give your request a subject and describe it."))
        if not consent:
            raise UserError(
                _("Agree to the use of your details for handling your request.")
            )
        self._cs_web_check_rate(email, company)
        self._cs_web_check_files(files, company)
        partner = self._cs_customer_contact(name, email, company)
        partner._cs_record_service_consent()
        return dict(
            values,
            partner_id=partner.id,
            partner_name=name,
            partner_email=email,
            team_id=team.id,
            category_id=category.id,
            company_id=team.company_id.id or company.id,
            channel_id=self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
            cs_received_at=fields.Datetime.now(),
        )

    @api.model
    def _cs_web_choices(self, values, company):
        """The store's team and the kind chosen, among those offered."""
        company = company.with_env(self.env)
        team = self._cs_web_choice(
            self._cs_web_teams(company),
            values.get("team_id"),
            _("Choose one of the stores offered."),
        )
        category = self._cs_web_choice(
            self._cs_web_kinds(company),
            values.get("category_id"),
            _("Choose the kind of your request."),
        )
        return team, category

    @api.model
    def _cs_web_choice(self, offered, value, message):
        try:
            chosen = offered.browse(int(value or 0))
        except (TypeError, ValueError):
            chosen = offered.browse()
        if not chosen or chosen not in offered:
            raise UserError(message)
        return chosen

    @api.model
    def _cs_web_check_rate(self, email, company):
        since = fields.Datetime.now() - timedelta(hours=1)
        sent = self.search_count(
            [
                (
                    "channel_id",
                    "=",
                    self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
                ),
                ("partner_id.email_normalized", "=", email),
                ("create_date", ">=", since),
            ]
        )
        if sent >= company.cs_web_requests_per_hour:
            raise UserError(
                _(
                    "We have already received %(count)s requests from this address "
                    "within the hour: please wait before writing again, or reply "
                    "to our acknowledgement.",
                    count=sent,
                )
            )

    @api.model
    def _cs_web_check_files(self, files, company):
        if len(files) > company.cs_web_max_files:
            raise UserError(
                _("Attach at most %(count)s files.", count=company.cs_web_max_files)
            )
        extensions = company._cs_web_file_extensions()
        for upload in files:
            content = upload.read()
            upload.seek(0)
            if len(content) > company.cs_web_max_file_mb * MEGABYTE:
                raise UserError(
                    _(
                        "%(file)s is larger than %(size)s MB.",
                        file=upload.filename,
                        size=company.cs_web_max_file_mb,
                    )
                )
            extension = (upload.filename or "").rpartition(".")[2].lower()
            declared = mimetypes.guess_type(f"file.{extension}")[0]
            if extension not in extensions or guess_mimetype(content) != declared:
                raise UserError(
                    _(
                        "%(file)s cannot be attached: send %(types)s files.",
                        file=upload.filename,
                        types=", ".join(sorted(extensions)),
                    )
                )
