"""Queue jobs in tests, without a job runner: the jobs a block queues are
performed at its end, as the runner would perform them, with the jobs they
queue in turn (the next batches)."""

from contextlib import contextmanager

from odoo.addons.queue_job.job import Job
from odoo.addons.queue_job.tests.common import JobCounter, trap_jobs


@contextmanager
def performing_jobs():
    """Trap the jobs queued in the block, then perform them all."""
    with trap_jobs() as trap:
        yield trap
        while trap.enqueued_jobs:
            trap.perform_enqueued_jobs()


@contextmanager
def performing_stored_jobs(env):
    """Perform the jobs stored by the block (by a request over RPC) and
    those they queue, each as the user who queued it."""
    counter = JobCounter(env)
    yield counter
    performed = env["queue.job"]
    while pending := counter.search_created() - performed:
        for stored in pending:
            job = Job.load(env, stored.uuid)
            job.set_done(result=job.perform())
            job.store()
        performed |= pending
