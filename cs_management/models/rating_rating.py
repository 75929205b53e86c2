from odoo import fields, models

from .record_access import accessible_ids_query, boolean_search


class RatingRating(models.Model):
    _inherit = "rating.rating"

    # the customer's key to the rating page, which rates as superuser: staff
    # who read it could rate in the customer's place (Odoo reads it as sudo)
    access_token = fields.Char(groups="base.group_system")

    # a customer's ratings: the profile, the satisfaction trend, the tiers
    partner_id = fields.Many2one(index="btree_not_null")

    # for the record rules of Customer Service users (security/oca_rules.xml)
    cs_ticket_readable = fields.Boolean(
        string="On a Ticket the User May Read",
        compute="_compute_cs_ticket_readable",
        search="_search_cs_ticket_readable",
    )

    def _compute_cs_ticket_readable(self):
        on_tickets = self.filtered(lambda rating: rating.res_model == "helpdesk.ticket")
        tickets = (
            self.env["helpdesk.ticket"].browse(on_tickets.mapped("res_id")).exists()
        )
        readable = tickets._filtered_access("read")
        for rating in self:
            rating.cs_ticket_readable = (
                rating in on_tickets and rating.res_id in readable.ids
            )

    def _search_cs_ticket_readable(self, operator, value):
        tickets = accessible_ids_query(self.env, "helpdesk.ticket")
        readable = (
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets)]
            if tickets is not None
            else [(0, "=", 1)]
        )
        return boolean_search(operator, value, readable)
