"""How the desk finds tickets among millions (helpdesk_ticket_desk_search):
the stored open/closed flag, the followed tickets as an array, and the
partial indexes that let PostgreSQL serve each role's open tickets from
indexes instead of reading the whole ticket table."""

from odoo.tests import tagged
from odoo.tools import SQL

from .common import CsTicketCase

# the predicate of the open tickets' indexes as PostgreSQL stores it
OPEN_PREDICATE_AS_STORED = "((closed IS NULL) OR (closed = false))"


@tagged("post_install", "-at_install")
class TestDeskSearch(CsTicketCase):
    def test_closed_is_stored_and_follows_the_stage(self):
        ticket = self._new_ticket()
        self.assertFalse(ticket.closed)
        ticket.stage_id = self.cancelled
        ticket.flush_recordset()
        self.env.cr.execute(
            "SELECT closed FROM helpdesk_ticket WHERE id = %s", [ticket.id]
        )
        self.assertIs(self.env.cr.fetchone()[0], True)
        open_stage = self.stage["acceptance"]
        ticket.stage_id = open_stage
        open_stage.closed = True  # an administrator redefines the stage
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT closed FROM helpdesk_ticket WHERE id = %s", [ticket.id]
        )
        self.assertIs(self.env.cr.fetchone()[0], True)

    def test_followed_tickets_are_found_as_before(self):
        follower = self.agent_b.user_id.partner_id
        self.ticket_a.message_subscribe(partner_ids=follower.ids)
        Ticket = self.env["helpdesk.ticket"].with_context(active_test=False)
        followed = Ticket.search([("message_partner_ids", "=", follower.id)])
        self.assertIn(self.ticket_a, followed)
        self.assertNotIn(self.ticket_c, followed)
        self.assertEqual(
            Ticket.search([("message_partner_ids", "in", follower.ids)]), followed
        )
        others = Ticket.search([("message_partner_ids", "!=", follower.id)])
        self.assertFalse(others & followed)
        self.assertIn(self.ticket_c, others)
        # the rule for internal users (followers see the ticket) still opens it
        # to whoever follows it
        self.assertIn(
            self.ticket_a,
            self.env["helpdesk.ticket"]
            .with_user(self.agent_b.user_id)
            .search([("id", "=", self.ticket_a.id)]),
        )

    def _plan(self, user, domain):
        """The plan of ``user``'s search, the table scan ruled out."""
        cr = self.env.cr
        query = self.env["helpdesk.ticket"].with_user(user)._search(domain)
        cr.execute("SAVEPOINT plan")
        cr.execute("SET LOCAL enable_seqscan = off")
        cr.execute(SQL("EXPLAIN %s", query.select('"helpdesk_ticket"."id"')))
        plan = "\n".join(row[0] for row in cr.fetchall())
        cr.execute("ROLLBACK TO SAVEPOINT plan")
        return plan

    def test_an_agents_open_tickets_are_a_union_of_index_scans(self):
        """The open tickets an agent's rules select (own, team, store,
        customer, followed): no arm of the rules' OR is a subquery, so each
        can be an index scan over the open tickets (on a large table
        PostgreSQL takes their union; on this small one it picks whichever
        index its statistics favour). An IN (subquery) under the OR, or the
        stage subquery "Open" used to be, is a SubPlan tested ticket by
        ticket over millions of tickets."""
        # the open tickets' indexes carry exactly the SQL of the "Open"
        # filter, which is how PostgreSQL knows they serve it
        query = self.env["helpdesk.ticket"]._search([("closed", "=", False)])
        where = query.where_clause.code
        self.env.cr.execute(
            "SELECT pg_get_expr(i.indpred, i.indrelid),"
            "       pg_get_expr(i.indpred, i.indrelid) = %s"
            "  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            " WHERE c.relname LIKE %s",
            [OPEN_PREDICATE_AS_STORED, "helpdesk_ticket_open_%"],
        )
        predicates = self.env.cr.fetchall()
        self.assertEqual(len(predicates), 4)
        self.assertTrue(all(same for _predicate, same in predicates), predicates)
        self.assertIn('"closed" IS NULL OR "helpdesk_ticket"."closed" = FALSE', where)
        open_process = [("cs_process", "=", True), ("closed", "=", False)]
        # a supervisor's and a store manager's rules add their subordinates'
        # and their store's tickets and the tickets they inspect
        for employee in (
            self.agent_a,
            self.presales_a,
            self.supervisor_a,
            self.store_manager_a,
        ):
            with self.subTest(user=employee.user_id.login):
                plan = self._plan(employee.user_id, open_process)
                self.assertNotIn("SubPlan", plan)
                self.assertNotIn("Seq Scan on helpdesk_ticket ", plan + " ")

    def test_the_tickets_a_reviewer_inspects(self):
        reviewer = self.supervisor_a.user_id
        self.env["cs.qa.inspection"].create(
            {
                "scorecard_id": self.env.ref("cs_management.qa_scorecard_default").id,
                "kind": "supervisor",
                "ticket_id": self.ticket_b.id,
                "reviewer_id": reviewer.id,
            }
        )
        Ticket = self.env["helpdesk.ticket"]
        self.assertEqual(self.ticket_b.cs_qa_reviewer_ids, reviewer)
        self.assertEqual(
            Ticket.search([("cs_qa_reviewer_ids", "in", reviewer.ids)]), self.ticket_b
        )
        self.assertEqual(
            Ticket.search([("cs_qa_reviewer_ids", "=", reviewer.id)]), self.ticket_b
        )
        others = Ticket.search([("cs_qa_reviewer_ids", "not in", reviewer.ids)])
        self.assertNotIn(self.ticket_b, others)
        self.assertIn(self.ticket_a, others)
        # the rule: the reviewer reads the other store's ticket it inspects
        self.assertEqual(
            Ticket.with_user(reviewer).search([("id", "=", self.ticket_b.id)]),
            self.ticket_b,
        )

    def test_another_reviewers_tickets_only_through_the_users_own_rights(self):
        """A supervisor asking over RPC which tickets another reviewer
        inspects learns only what it may read of that reviewer's work."""
        other = self.store_manager_b.user_id
        inspection = self.env["cs.qa.inspection"].create(
            {
                "scorecard_id": self.env.ref("cs_management.qa_scorecard_default").id,
                "kind": "supervisor",
                "ticket_id": self.ticket_a.id,
                "reviewer_id": other.id,
            }
        )
        asker = self.supervisor_a.user_id
        readable = (
            self.env["cs.qa.inspection"]
            .with_user(asker)
            .search([("id", "=", inspection.id)])
        )
        found = (
            self.env["helpdesk.ticket"]
            .with_user(asker)
            .search([("cs_qa_reviewer_ids", "in", other.ids)])
        )
        self.assertEqual(self.ticket_a in found, bool(readable))
