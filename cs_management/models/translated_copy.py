from odoo.tools import SQL


def copy_translated(records, source_field, fnames):
    """Give each of ``records`` the values of ``fnames`` of the record its
    ``source_field`` points to, in every language, in one query.

    A sheet keeps the text of its criteria as it was when it opened (a later
    change of the criterion does not rewrite past sheets); copied through
    the ORM it would keep only the language of whoever opened it, and a
    reader working in another language would read that one."""
    records = records.filtered(source_field)
    if not records:
        return
    source = records.env[records._fields[source_field].comodel_name]
    assert all(
        records._fields[name].translate and source._fields[name].translate
        for name in fnames
    )
    source.flush_model(fnames)
    records.flush_recordset([source_field, *fnames])
    records.env.cr.execute(
        SQL(
            "UPDATE %s AS target SET %s FROM %s AS source WHERE source.id = target.%s "
            "AND target.id IN %s",
            SQL.identifier(records._table),
            SQL(", ").join(
                SQL("%s = source.%s", SQL.identifier(name), SQL.identifier(name))
                for name in fnames
            ),
            SQL.identifier(source._table),
            SQL.identifier(source_field),
            tuple(records.ids),
        )
    )
    records.invalidate_recordset(fnames)
