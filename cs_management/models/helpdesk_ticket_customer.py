from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """The customer's other business at hand on the ticket: its other
    tickets and its open opportunities (helpdesk_mgmt_crm)."""

    _inherit = "helpdesk.ticket"

    # the customer's tickets are counted on every form, save and move, and
    # helpdesk_mgmt counts a ticket's duplicates on every form: without these
    # indexes each is a scan of the whole ticket table
    commercial_partner_id = fields.Many2one(index=True)
    duplicate_id = fields.Many2one(index="btree_not_null")

    # --- the customer's other business (CRM) ------------------------------
    cs_partner_ticket_count = fields.Integer(
        string="Other Tickets", compute="_compute_cs_partner_counts"
    )
    cs_partner_opportunity_count = fields.Integer(
        string="Open Opportunities", compute="_compute_cs_partner_counts"
    )

    @api.depends("commercial_partner_id")
    def _compute_cs_partner_counts(self):
        partners = self.commercial_partner_id
        tickets = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("commercial_partner_id", "in", partners.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        # helpdesk users outside sales see no opportunity count
        Lead = self.env["crm.lead"]
        opportunities = (
            dict(
                Lead._read_group(
                    [
                        ("partner_id.commercial_partner_id", "in", partners.ids),
                        ("type", "=", "opportunity"),
                        ("stage_id.is_won", "=", False),
                    ],
                    ["partner_id"],
                    ["__count"],
                )
            )
            if Lead.has_access("read")
            else {}
        )
        opportunities_by_company = {}
        for partner, count in opportunities.items():
            company_partner = partner.commercial_partner_id
            opportunities_by_company[company_partner] = (
                opportunities_by_company.get(company_partner, 0) + count
            )
        for ticket in self:
            partner = ticket.commercial_partner_id
            ticket.cs_partner_ticket_count = max(
                tickets.get(partner, 0) - (1 if ticket.id else 0), 0
            )
            ticket.cs_partner_opportunity_count = opportunities_by_company.get(
                partner, 0
            )

    def action_cs_view_partner_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_ticket"
        )
        action["domain"] = [
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
            ("id", "!=", self.id),
        ]
        action["context"] = {}
        return action

    def action_cs_view_partner_opportunities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm.crm_lead_opportunities"
        )
        action["domain"] = [
            ("partner_id", "child_of", self.commercial_partner_id.id),
            ("type", "=", "opportunity"),
        ]
        action["context"] = {
            "default_partner_id": self.partner_id.id,
            "default_team_id": self.cs_store_id.crm_team_id.id,
        }
        return action
