"""The web client's field specifications (getFieldsSpec of
web/static/src/model/relational_model/utils.js) built from the arch of a
view returned by get_views: shared by the load test and its profiler."""


def fields_spec(node, fields, models):
    """getFieldsSpec of the web client for the <field> nodes of a view
    (those of its sub-views excluded: they make the x2many's own spec)."""
    spec = {}
    for field in _own_fields(node):
        name = field.get("name")
        info = fields.get(name)
        if not info:
            continue
        invisible = field.get("invisible") in ("True", "1")
        entry = spec.setdefault(name, {})
        kind = info.get("type")
        if kind in ("many2one", "reference"):
            entry.setdefault("fields", {})
            if not invisible:
                entry["fields"]["display_name"] = {}
        elif kind in ("one2many", "many2many") and not invisible:
            sub = next(
                (child for child in field if child.tag in ("list", "tree", "kanban")),
                None,
            )
            comodel = model_fields(models, info.get("relation"))
            if sub is not None:
                entry["fields"] = fields_spec(sub, comodel, models)
                entry["limit"] = 40
            elif field.get("widget", "").startswith("many2many"):
                entry["fields"] = {"display_name": {}}
                if "color" in comodel:
                    entry["fields"]["color"] = {}
            entry.setdefault("context", {})
    return spec


def _own_fields(node):
    for child in node:
        if child.tag == "field":
            yield child
        else:
            yield from _own_fields(child)


def model_fields(models, model):
    value = models.get(model) or {}
    return value.get("fields", value)
