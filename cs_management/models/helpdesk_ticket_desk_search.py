from odoo import fields, models, tools
from odoo.tools import SQL, sql

# what the ticket menus' "Open" filter compiles to; the partial indexes below
# carry the same predicate, which is how PostgreSQL knows they serve it
OPEN_PREDICATE = "closed IS NULL OR closed = FALSE"
# the fields the record rules of the desk's roles select tickets by: each one
# indexed over the open tickets, so that the rules' OR is a union of index
# scans instead of a scan of every ticket ever received
OPEN_BY = ("team_id", "cs_store_id", "user_id", "partner_id")


def open_index_name(column):
    return f"helpdesk_ticket_open_{column}_index"


def among_ids(subselect):
    """A domain leaf for the tickets whose ids ``subselect`` lists, written
    so that an OR of record rules can still use indexes: an IN (subquery)
    under an OR is a subplan PostgreSQL tests ticket by ticket over the
    whole table; an array of the ids is one more index probe in a union."""
    return ("id", "=", SQL("ANY(ARRAY(%s))", subselect))


class HelpdeskTicket(models.Model):
    """How the desk's kanban, lists and searches find tickets among
    millions: stored open/closed, indexes on the open tickets, trigram
    indexes for the search box."""

    _inherit = "helpdesk.ticket"

    closed = fields.Boolean(store=True)
    # the desk searches tickets by any part of their title or number
    name = fields.Char(index="trigram")
    number = fields.Char(index="trigram")

    def _auto_init(self):
        # the stored flag arrives on databases with years of tickets: one
        # statement instead of the ORM computing it ticket by ticket
        cr = self.env.cr
        if not sql.column_exists(cr, self._table, "closed"):
            sql.create_column(cr, self._table, "closed", "boolean")
            cr.execute(
                SQL(
                    """UPDATE %s AS ticket SET closed = COALESCE(stage.closed, FALSE)
                         FROM helpdesk_ticket_stage AS stage
                        WHERE stage.id = ticket.stage_id""",
                    SQL.identifier(self._table),
                )
            )
        return super()._auto_init()

    def init(self):
        for column in OPEN_BY:
            tools.create_index(
                self.env.cr,
                open_index_name(column),
                self._table,
                [column],
                where=OPEN_PREDICATE,
            )

    def _search_message_partner_ids(self, operator, operand):
        # helpdesk_mgmt's rule for internal users ORs "follows the ticket"
        # with the other rules
        domain = super()._search_message_partner_ids(operator, operand)
        [(_name, in_operator, followed)] = domain
        if in_operator != "in":
            return domain
        return [among_ids(followed)]
