from odoo import models
from odoo.tools import SQL

from .cs_kpi_report import COUNTS, PROBLEM_KINDS


class CsKpiReport(models.Model):
    """The streams of the KPI view: one SELECT per source of counts (tickets
    received, ratings, replies, resolutions, inspections, sales). Each is a
    method returning SQL, so that a module adds a stream or a column."""

    _inherit = "cs.kpi.report"

    def _stream(self, keys, measures, from_where, grouped=True):
        """A SELECT of the keys and the given measures (SQL by name), zero
        for the rest. A stream of plain counts need not be grouped: the view
        adds up its rows with the others' (cheaper than grouping twice).
        Every stream gives each column the same type: PostgreSQL then reads
        the streams as one append, computing only the columns a query uses."""
        columns = SQL(", ").join(
            SQL(
                "(%s)::%s AS %s",
                measures.get(name, SQL("0")),
                self._sql_type(name),
                SQL.identifier(name),
            )
            for name in COUNTS
        )
        group_by = SQL(" GROUP BY 1, 2, 3, 4, 5") if grouped else SQL()
        return SQL("SELECT %s, %s %s%s", keys, columns, from_where, group_by)

    def _ticket_keys(self, day):
        return SQL(
            "%s AS date, t.user_id, t.team_id, t.cs_store_id AS store_id, t.company_id",
            day,
        )

    def _streams(self):
        return [
            self._received_stream(),
            self._rating_stream(),
            self._reply_stream(),
            self._resolved_stream(),
            self._inspection_stream(),
            self._sales_stream(),
            self._charged_stream(),
            self._conduct_stream(),
        ]

    def _received_stream(self):
        """The tickets' cohort, counted on the day they were received: first
        per customer of the day (so that customers are counted in one pass,
        not by a distinct count per measure), then per key."""
        problem = SQL("t.cs_kind IN %s", PROBLEM_KINDS)
        closed = SQL("st.cs_step = 'closed'")
        # handling time ends when the customer accepted the result (KPI-3)
        solved = SQL("t.cs_solved_date IS NOT NULL")
        per_ticket = {
            "inquiries": SQL("COUNT(*)"),
            # held: what after-sales agents and supervisors do, not a fault
            "complaints_handled": SQL(
                "COUNT(*) FILTER (WHERE t.cs_kind = 'complaint')"
            ),
            "staff_complaints": SQL(
                "COUNT(*) FILTER (WHERE t.cs_kind = 'complaint' AND rc.cs_about_staff)"
            ),
            "first_response_hours": SQL(
                "SUM(t.cs_first_response_hours)"
                " FILTER (WHERE t.cs_first_response_date IS NOT NULL)"
            ),
            "first_responses": SQL("COUNT(t.cs_first_response_date)"),
            "handling_hours": SQL(
                "SUM(t.cs_resolution_hours) FILTER (WHERE %s)", solved
            ),
            "handled": SQL("COUNT(*) FILTER (WHERE %s)", solved),
            "closed_tickets": SQL("COUNT(*) FILTER (WHERE st.closed)"),
            "reopened": SQL("COUNT(*) FILTER (WHERE t.cs_reopen_count > 0)"),
            "deadlines_due": self._due(
                SQL("t.cs_resolution_state"), SQL("t.cs_resolution_deadline")
            ),
            "deadlines_met": SQL(
                "COUNT(*) FILTER (WHERE t.cs_resolution_state = 'met')"
            ),
            "replies_due": self._due(
                SQL("t.cs_reply_state"), SQL("t.cs_reply_deadline")
            ),
            "replies_in_time": SQL("COUNT(*) FILTER (WHERE t.cs_reply_state = 'met')"),
        }
        per_customer = {
            "complaining_customers": SQL("bool_or(t.cs_kind = 'complaint')"),
            "customers_with_problem": SQL("bool_or(%s)", problem),
            "customers_solved": SQL("bool_or(%s AND %s)", problem, closed),
        }
        customers = SQL(
            """SELECT t.cs_received_at::date AS date, t.user_id, t.team_id,
                      t.cs_store_id AS store_id, t.company_id,
                      %s
                 FROM helpdesk_ticket t
                 JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
                 LEFT JOIN cs_root_cause rc ON rc.id = t.cs_root_cause_id
                WHERE t.active
                GROUP BY 1, 2, 3, 4, 5, COALESCE(t.commercial_partner_id, -t.id)""",
            SQL(", ").join(
                SQL("%s AS %s", expr, SQL.identifier(name))
                for name, expr in (per_ticket | per_customer).items()
            ),
        )
        measures = {
            name: SQL("COALESCE(SUM(c.%s), 0)", SQL.identifier(name))
            for name in per_ticket
        }
        measures["customers_served"] = SQL("COUNT(*)")
        measures.update(
            {
                name: SQL("COUNT(*) FILTER (WHERE c.%s)", SQL.identifier(name))
                for name in per_customer
            }
        )
        return self._stream(
            SQL("c.date, c.user_id, c.team_id, c.store_id, c.company_id"),
            measures,
            SQL("FROM (%s) AS c", customers),
        )

    def _due(self, state, deadline):
        """Deadlines due: met, missed, or still running past their time."""
        return SQL(
            "COUNT(*) FILTER (WHERE %(state)s IN ('met', 'missed') "
            "OR (%(state)s = 'running' AND %(deadline)s < now() AT TIME ZONE 'UTC'))",
            state=state,
            deadline=deadline,
        )

    def _rating_stream(self):
        return self._stream(
            self._ticket_keys(SQL("r.create_date::date")),
            {
                "ratings": SQL("1"),
                "rating_total": SQL("r.rating"),
                "ratings_satisfied": SQL("(r.rating_text = 'top')::int"),
                "ratings_neutral": SQL("(r.rating_text = 'ok')::int"),
                "ratings_dissatisfied": SQL("(r.rating_text = 'ko')::int"),
            },
            SQL("""FROM rating_rating r JOIN helpdesk_ticket t ON t.id = r.res_id
                  WHERE r.res_model = 'helpdesk.ticket' AND r.consumed
                    AND r.rating > 0"""),
            grouped=False,
        )

    def _reply_stream(self):
        return self._stream(
            SQL("m.date::date AS date, u.id, t.team_id, t.cs_store_id, t.company_id"),
            {"replies": SQL("1")},
            SQL(
                """FROM mail_message m
                   JOIN helpdesk_ticket t ON t.id = m.res_id
                   JOIN res_users u ON u.partner_id = m.author_id AND NOT u.share
                  WHERE m.model = 'helpdesk.ticket' AND m.message_type = 'comment'
                    AND m.subtype_id = (
                        SELECT res_id FROM ir_model_data
                         WHERE module = 'mail' AND name = 'mt_comment')"""
            ),
            grouped=False,
        )

    def _resolved_stream(self):
        return self._stream(
            self._ticket_keys(SQL("t.closed_date::date")),
            {"resolved": SQL("1")},
            SQL("""FROM helpdesk_ticket t
                   JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
                  WHERE t.active AND st.cs_step = 'closed'
                    AND t.closed_date IS NOT NULL"""),
            grouped=False,
        )

    def _inspection_stream(self):
        """The inspections that count for the agent, from their one
        definition, ``cs.qa.inspection._iqs_domain``."""
        Inspection = self.env["cs.qa.inspection"].sudo()
        counted = Inspection._search(Inspection._iqs_domain())
        columns = (
            "date",
            "agent_id",
            "team_id",
            "store_id",
            "company_id",
            "score",
            "passed",
        )
        return self._stream(
            SQL("i.date, i.agent_id, i.team_id, i.store_id, i.company_id"),
            {
                "qa_inspections": SQL("1"),
                "qa_score_total": SQL("i.score"),
                "qa_passed": SQL("i.passed::int"),
            },
            SQL(
                "FROM %s AS i",
                counted.subselect(
                    *(SQL.identifier(Inspection._table, name) for name in columns)
                ),
            ),
            grouped=False,
        )

    def _sales_stream(self):
        return self._stream(
            SQL(
                "l.date_closed::date AS date, l.user_id, NULL::integer, s.id,"
                " l.company_id"
            ),
            {
                "sales_amount": self._won_deal_revenue(),
                "deals_won": SQL("COALESCE(ls.is_won, false)::int"),
                "leads_closed": SQL("1"),
            },
            SQL(
                """FROM crm_lead l
                   LEFT JOIN crm_stage ls ON ls.id = l.stage_id
                   LEFT JOIN cs_store s
                          ON s.crm_team_id = l.team_id AND s.company_id = l.company_id
                  WHERE l.type = 'opportunity' AND l.date_closed IS NOT NULL
                    AND (ls.is_won OR NOT l.active)"""
            ),
            grouped=False,
        )

    def _won_deal_revenue(self):
        """The sales of a won deal (KPI-8): its expected revenue."""
        return SQL("CASE WHEN ls.is_won THEN l.expected_revenue ELSE 0 END")

    def _charged_stream(self):
        """Complaints charged to whose service they are about (KPI-1 per
        agent), on the day they were received, in the complaint's team."""
        return self._stream(
            SQL(
                "t.cs_received_at::date AS date, t.cs_concerned_user_id, t.team_id,"
                " t.cs_store_id, t.company_id"
            ),
            {"complaints_charged": SQL("1")},
            SQL("""FROM helpdesk_ticket t
                  WHERE t.active AND t.cs_kind = 'complaint'
                    AND t.cs_concerned_user_id IS NOT NULL"""),
            grouped=False,
        )

    def _conduct_stream(self):
        """Commendations and disciplinary records, on their date; customers'
        commendations make the praise rate."""
        commendation = SQL("r.kind = 'commendation'")
        return self._stream(
            SQL("r.date, r.user_id, r.team_id, r.store_id, r.company_id"),
            {
                "commendations": SQL("(%s)::int", commendation),
                "customer_commendations": SQL(
                    "(%s AND r.source = 'customer')::int", commendation
                ),
                "disciplinary_records": SQL("(r.kind = 'disciplinary')::int"),
            },
            SQL("FROM cs_conduct_record r"),
            grouped=False,
        )
