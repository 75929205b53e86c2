import psycopg2

from odoo import _, fields, models
from odoo.tools import SQL

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import identity_exact

# jobs of a record that have still to run
WAITING = ("wait_dependencies", "pending", "enqueued", "started")


class CsJobMixin(models.AbstractModel):
    """Heavy work of a record runs in OCA queue jobs, batch by batch, on
    any Odoo node and as the user who asked for it: the button returns at
    once and the record shows the jobs still to run. Each batch recomputes
    what is missing, so a job run twice or resumed creates nothing twice."""

    _name = "cs.job.mixin"
    _description = "Work in Background Jobs"

    cs_job_count = fields.Integer(
        string="Jobs to Run", compute="_compute_cs_job_counts"
    )
    cs_job_failed_count = fields.Integer(
        string="Jobs Failed", compute="_compute_cs_job_counts"
    )

    def _cs_job_domain(self):
        return [("model_name", "=", self._name), ("cs_res_id", "in", self.ids)]

    def _compute_cs_job_counts(self):
        # the jobs are the queue managers' records: their count is this
        # record's own progress, shown to whoever reads the record
        counts = {
            (res_id, state): count
            for res_id, state, count in self.env["queue.job"]
            .sudo()
            ._read_group(self._cs_job_domain(), ["cs_res_id", "state"], ["__count"])
        }
        for record in self:
            record.cs_job_count = sum(
                counts.get((record.id, state), 0) for state in WAITING
            )
            record.cs_job_failed_count = counts.get((record.id, "failed"), 0)

    def _job_store_values(self, job):
        values = super()._job_store_values(job)
        if len(self) == 1:
            values["cs_res_id"] = self.id
        return values

    def _cs_enqueue(self, method, description, *args):
        """Queue ``method`` of each record as the current user; the same
        work already waiting in the queue is not queued twice."""
        for record in self:
            delayed = record.with_delay(
                description=description, identity_key=identity_exact
            )
            getattr(delayed, method)(*args)

    def _cs_job_lock(self):
        """One job at a time works on a record: another one waiting for
        it is retried later instead of doing the same batch."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM %s WHERE id IN %s FOR UPDATE NOWAIT",
                        SQL.identifier(self._table),
                        tuple(self.ids),
                    )
                )
        except psycopg2.errors.LockNotAvailable as error:
            raise RetryableJobError(
                _("Another job is working on %(record)s.", record=self.display_name),
                seconds=10,
                ignore_retry=True,
            ) from error

    def _cs_queued_notification(self, message):
        """What the button answers: the work is queued, the form shows it."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Queued"),
                "message": message,
                "type": "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_cs_view_jobs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "queue_job.action_queue_job"
        )
        action["domain"] = self._cs_job_domain()
        action["context"] = {}
        return action
