from werkzeug.exceptions import BadRequest, Forbidden, NotFound

from odoo import http
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class CsHelpdeskTicketController(HelpdeskTicketController):
    """helpdesk_mgmt's portal routes, checked as the user.

    helpdesk_mgmt closes any ticket named in the URL, as superuser, on a GET
    (a link in an e-mail is enough), and files a new ticket under any
    category or team id it is given. Here a ticket is closed only on POST
    with a CSRF token, by someone who may read it, to a closing stage its
    team offers, with the user's own rights when they may edit it; a new
    ticket is filed only on POST, under a category and a team the user may
    choose.
    """

    @http.route("/ticket/close", type="http", auth="user", methods=["POST"], csrf=True)
    def support_ticket_close(self, ticket_id=None, stage_id=None, **kw):
        ticket = self._cs_readable_ticket(ticket_id)
        stage = request.env["helpdesk.ticket.stage"].browse(self._cs_id(stage_id))
        closing_stages = ticket.team_id._get_applicable_stages().filtered(
            "close_from_portal"
        )
        # like helpdesk_mgmt, any other target stage changes nothing
        if stage in closing_stages:
            self._cs_close(ticket, stage)
        return request.redirect(f"/my/ticket/{ticket.id}", code=302)

    @http.route(
        "/submitted/ticket",
        type="http",
        auth="user",
        website=True,
        csrf=True,
        methods=["POST"],
    )
    def submit_ticket(self, **kw):
        return super().submit_ticket(**kw)

    def _prepare_submit_ticket_vals(self, **kw):
        self._cs_check_choice("helpdesk.ticket.category", kw.get("category"))
        if kw.get("team"):
            self._cs_check_choice("helpdesk.ticket.team", kw["team"])
        return super()._prepare_submit_ticket_vals(**kw)

    # ------------------------------------------------------------------
    def _cs_id(self, value):
        try:
            return int(value)
        except (TypeError, ValueError) as error:
            raise BadRequest(
                request.env._("This request names no valid record.")
            ) from error

    def _cs_readable_ticket(self, ticket_id):
        """The ticket, as the user; not found when it does not exist or the
        user may not read it (no hint that it exists)."""
        ticket = request.env["helpdesk.ticket"].browse(self._cs_id(ticket_id)).exists()
        if not ticket or not ticket.has_access("read"):
            raise NotFound()
        return ticket

    def _cs_close(self, ticket, stage):
        """Staff who may edit the ticket close it with their own rights, so
        the service process's stage rules apply to them; its customer (a
        portal user, or an employee who asked for help) through the portal's
        closing stages only, which is what these routes were made for."""
        user = request.env.user
        if ticket.has_access("write"):
            ticket.write({"stage_id": stage.id})
        elif user._is_portal() or ticket.partner_id == user.partner_id:
            ticket.sudo().write({"stage_id": stage.id})
        else:
            raise Forbidden()

    def _cs_check_choice(self, model_name, value):
        """A category or team of the portal form: empty, or one the user
        may read and that is offered in the portal."""
        if not value:
            return
        record = request.env[model_name].browse(self._cs_id(value)).exists()
        if not (
            record
            and record.has_access("read")
            and record.active
            and record.show_in_portal
        ):
            raise BadRequest(request.env._("This choice is not offered in the portal."))
