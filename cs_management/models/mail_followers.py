from odoo import fields, models
from odoo.osv import expression
from odoo.tools import SQL

from .record_access import accessible_ids_query, boolean_search

CS_ADDONS = ("cs_management", "cs_training", "cs_appraisal")


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    # for the record rules of Customer Service users (security/oca_rules.xml)
    cs_followed_record_readable = fields.Boolean(
        string="Follows a Record the User May Read",
        compute="_compute_cs_followed_record_readable",
        search="_search_cs_followed_record_readable",
        help="True for the followers of a Customer Service record the user may "
        "read, and for the followers of any other model, which Odoo guards.",
    )

    def _cs_guarded_models(self):
        """The models whose followers are shown only with their record:
        tickets, and every model of the Customer Service addons that has
        followers."""
        thread = self.env.registry["mail.thread"]
        return {"helpdesk.ticket"} | {
            name
            for name, model in self.env.registry.items()
            if model._original_module in CS_ADDONS
            and issubclass(model, thread)
            and not model._abstract
            and not model._transient
        }

    def _compute_cs_followed_record_readable(self):
        guarded = self._cs_guarded_models()
        # one access check per followed model, not per follower
        readable = {
            model_name: set(
                self.env[model_name]
                .browse(followers.mapped("res_id"))
                .exists()
                ._filtered_access("read")
                .ids
            )
            for model_name, followers in self.grouped("res_model").items()
            if model_name in guarded and model_name in self.env
        }
        for follower in self:
            ids = readable.get(follower.res_model)
            follower.cs_followed_record_readable = ids is None or follower.res_id in ids

    def _search_cs_followed_record_readable(self, operator, value):
        guarded = sorted(name for name in self._cs_guarded_models() if name in self.env)
        readable = [[("res_model", "not in", guarded)]]
        for model_name in guarded:
            records = accessible_ids_query(self.env, model_name)
            if records is not None:
                # tied to the follower's row: under an OR PostgreSQL cannot
                # join an IN, and would list every record the user may read
                # for each follower query (the chatter makes three)
                records.add_where(
                    SQL(
                        "%s = %s",
                        SQL.identifier(records.table, "id"),
                        SQL.identifier(self._table, "res_id"),
                    )
                )
                readable.append(
                    [("res_model", "=", model_name), ("res_id", "in", records)]
                )
        return boolean_search(operator, value, expression.OR(readable))
