"""18.0.1.1.0: the default scorecard's criteria become data records of their
own (so that their names and guidance are translated), with ids matched by
their sequence: the upgrade keeps the company's criteria, however edited,
instead of adding seven more."""

CRITERIA = {
    10: "qa_criterion_courtesy",
    20: "qa_criterion_wording",
    30: "qa_criterion_tone",
    40: "qa_criterion_accuracy",
    50: "qa_criterion_resolved",
    60: "qa_criterion_timeliness",
    70: "qa_criterion_forbidden",
}


def migrate(cr, version):
    for sequence, name in CRITERIA.items():
        cr.execute(
            """
            INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
            SELECT 'cs_management', %s, 'cs.qa.criterion', criterion.id, TRUE
              FROM cs_qa_criterion criterion
              JOIN ir_model_data card ON card.res_id = criterion.scorecard_id
                                     AND card.module = 'cs_management'
                                     AND card.name = 'qa_scorecard_default'
             WHERE criterion.sequence = %s
               AND NOT EXISTS (SELECT 1 FROM ir_model_data
                                WHERE module = 'cs_management' AND name = %s)
             ORDER BY criterion.id
             LIMIT 1
            """,
            (name, sequence, name),
        )
