import pytz

from odoo import http
from odoo.http import request
from odoo.tools import format_datetime

from odoo.addons.website.controllers.form import WebsiteForm

TICKET_MODEL = "helpdesk.ticket"
# a field people never see (hidden by CSS); robots fill in every field
HONEYPOT = "cs_website_url"
CONSENT = "cs_consent"


class CsServiceRequest(http.Controller):
    """The public page of the service desk (CMP-1): the request form and
    the receipt."""

    @http.route(
        "/service/request", type="http", auth="public", website=True, sitemap=True
    )
    def service_request(self, **_kw):
        # the public user may not read the teams, kinds and limits offered
        company = request.website.company_id.sudo()
        Ticket = request.env[TICKET_MODEL].sudo()
        extensions = sorted(company._cs_web_file_extensions())
        return request.render(
            "cs_website.service_request_page",
            {
                "teams": Ticket._cs_web_teams(company),
                "kinds": Ticket._cs_web_kinds(company),
                "accept": ",".join(f".{extension}" for extension in extensions),
                "max_files": company.cs_web_max_files,
                "max_file_mb": company.cs_web_max_file_mb,
                "honeypot": HONEYPOT,
                "consent": CONSENT,
            },
        )

    @http.route(
        "/service/request/thanks",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def service_request_thanks(self, **_kw):
        ticket = request.env[TICKET_MODEL]
        if request.session.get("form_builder_model_model") == TICKET_MODEL:
            # the receipt of the request this browser has just sent, only
            ticket = ticket.sudo().browse(request.session.get("form_builder_id"))
        ticket = ticket.exists()
        promised = ticket.cs_promised_date and format_datetime(
            request.env,
            ticket.cs_promised_date,
            tz=self._cs_visitor_tz() or ticket._cs_calendar().tz,
            dt_format="medium",
        )
        return request.render(
            "cs_website.service_request_thanks",
            {
                "number": ticket.number,
                "promised": promised,
                "acknowledged": ticket.cs_acknowledged,
            },
        )

    @staticmethod
    def _cs_visitor_tz():
        """The time zone the visitor's browser gives (website's tz cookie)."""
        tz = request.httprequest.cookies.get("tz")
        return tz if tz in pytz.all_timezones_set else False


class CsWebsiteForm(WebsiteForm):
    """Website forms filing a ticket go through the service desk's intake:
    checked, then completed like an e-mail (cs_management)."""

    def extract_data(self, model, values):
        if model.sudo().model != TICKET_MODEL:
            return super().extract_data(model, values)
        values = dict(values)
        trap = values.pop(HONEYPOT, "")
        consent = values.pop(CONSENT, "")
        # the public user may not read the teams, kinds and contacts the
        # request is checked against and filed with
        Ticket = request.env[TICKET_MODEL].sudo()
        company = request.website.company_id
        # before Odoo reads the chosen team's ticket properties
        Ticket._cs_web_choices(values, company)
        data = super().extract_data(model, values)
        data["record"] = Ticket._cs_web_request_values(
            data["record"],
            data["attachments"],
            company,
            consent=consent,
            trap=trap,
        )
        return data
