"""What a form view lets a user edit against what saving it accepts: for
the tests that each workflow's edit rights have one declaration, read by
its write check and by its view."""

import re

from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

NAME = re.compile(r"\b[a-z_][a-z0-9_]*\b")


class _Rollback(Exception):
    pass


def _value(record, name):
    """A field's value as the web client evaluates it in a modifier."""
    value = record[name]
    field = record._fields[name]
    if field.type == "many2one":
        return value.id
    if field.type in ("one2many", "many2many"):
        return value.ids
    return value


def _readonly(node, record, user, parent=None):
    """Whether the modifiers of ``node`` make it read-only for ``record``
    (a line of ``parent`` in a subview)."""
    expr = node.get("readonly")
    if not expr:
        return False
    names = set(NAME.findall(expr))
    context = {name: _value(record, name) for name in names if name in record._fields}
    if parent is not None:
        expr = expr.replace("parent.", "parent_")
        context.update(
            {
                f"parent_{name}": _value(parent, name)
                for name in names
                if name in parent._fields
            }
        )
    context.update(uid=user.id, id=record.id)
    return bool(safe_eval(expr, context))


class ViewMatchesWrite:
    """Mixed into a test case: which fields of ``record``'s form view
    ``user`` sees editable, and whether a save of each is accepted."""

    def _view_editable(self, record, user, names, line=None, lines="line_ids"):
        """{name: editable} for the form fields ``names`` (each occurrence
        of a field must agree) and, given ``line``, for its fields in the
        ``lines`` subview as ``lines.name``."""
        record = record.with_user(user)
        arch = etree.fromstring(record.get_view(view_type="form")["arch"])
        locked = arch.get("edit") == "False"
        result = {}

        def note(key, editable):
            self.assertEqual(
                result.setdefault(key, editable),
                editable,
                f"{key} appears twice, editable differently",
            )

        for node in arch.iter("field"):
            subview = next((a for a in node.iterancestors("field")), None)
            name = node.get("name")
            if subview is None and name in names:
                note(name, not locked and not _readonly(node, record, user))
            elif (
                line is not None
                and subview is not None
                and subview.get("name") == lines
            ):
                line_names = {
                    key.split(".", 1)[1] for key in names if key.startswith(f"{lines}.")
                }
                if name in line_names:
                    editable = (
                        not locked
                        and subview.get("can_write") != "False"
                        and not _readonly(subview, record, user)
                        and not _readonly(
                            node, line.with_user(user), user, parent=record
                        )
                    )
                    note(f"{lines}.{name}", editable)
        return result

    def _save_accepted(self, record, user, vals):
        """Whether ``user`` saving ``vals`` on ``record`` goes through (rolled back)."""
        try:
            with (
                self.env.cr.savepoint(),
                mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"),
            ):
                record.with_user(user).write(vals)
                self.env.flush_all()
                raise _Rollback
        except _Rollback:
            return True
        except ValidationError:
            raise  # a value the test picked badly, not a refusal
        except (AccessError, UserError):
            return False
        finally:
            self.env.invalidate_all()

    def _assert_view_matches_write(
        self, record, users, values, line=None, line_values=None, lines="line_ids"
    ):
        """For each user reading ``record``: every field of ``values`` (and
        of ``line_values`` on ``line``) is editable in the view exactly when
        saving it is accepted."""
        names = set(values) | {f"{lines}.{name}" for name in line_values or {}}
        checked = 0
        for user in users:
            if not record.with_user(user).has_access("read"):
                continue
            shown = self._view_editable(record, user, names, line=line, lines=lines)
            self.assertEqual(set(shown), names, "every field checked is on the form")
            for key in sorted(names):
                if "." in key:
                    name = key.split(".", 1)[1]
                    vals = {lines: [(1, line.id, {name: line_values[name]})]}
                else:
                    vals = {key: values[key]}
                accepted = self._save_accepted(record, user, vals)
                self.assertEqual(
                    shown[key],
                    accepted,
                    f"{record._name} at {record.state}, {user.login}: {key} is "
                    f"{'editable' if shown[key] else 'read-only'} in the view but "
                    f"the save is {'accepted' if accepted else 'refused'}",
                )
                checked += 1
        return checked
