"""Record rules of one model bounded by another model's record rules.

Odoo evaluates a record rule's domain as superuser, so a rule cannot say
"the ticket of this line is one the user may read" with a plain path. The
search methods of the ``cs_*_readable`` fields call these helpers, which
compute the user's own rules on the other model and return them as a
subquery.
"""

from odoo.osv import expression

CS_STAFF_GROUPS = (
    "cs_management.group_cs_agent",
    "cs_management.group_cs_trainer",
    "cs_management.group_cs_auditor",
)


def user_rule_domain(env, model_name, mode="read"):
    """The domain of the records of ``model_name`` the current user may
    ``mode`` by record rules (empty: every record), even from a sudo
    environment."""
    return env["ir.rule"].sudo(False)._compute_domain(model_name, mode) or []


def accessible_ids_query(env, model_name, mode="read"):
    """A subquery of the ids of ``model_name`` the current user may
    ``mode``: the model's access rights, then its record rules, archived
    records included. None when the access rights refuse ``mode``."""
    if not env[model_name].sudo(False).has_access(mode):
        return None
    domain = user_rule_domain(env, model_name, mode)
    return env[model_name].sudo().with_context(active_test=False)._search(domain)


def boolean_search(operator, value, domain):
    """``domain`` for a boolean search field's condition that asks for
    True, its negation for one that asks for False."""
    if operator not in ("=", "!="):
        raise ValueError(f"Unsupported operator {operator} for an access field")
    if bool(value) == (operator == "="):
        return domain
    return ["!", *expression.normalize_domain(domain)]


def is_cs_staff(env):
    """Whether the user works in Customer Service and is no settings
    administrator: the Customer Service record rules bind such users."""
    user = env.user
    if user._is_superuser() or user._is_system():
        return False
    return any(user.has_group(group) for group in CS_STAFF_GROUPS)
