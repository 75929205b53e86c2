"""Training effectiveness (TRN-8, 002 §5.4.2): the service KPIs of an
attendee in the weeks before and after a session, read from the KPI report
with one grouped query for any number of enrolments. Not a model."""

from collections import Counter, defaultdict

from dateutil.relativedelta import relativedelta

from odoo.addons.cs_management.models.kpi_definitions import RATES, counts_for, rate

# the figures compared, each a rate of the KPI report (one definition); the
# complaints are those charged to the attendee's service, not those it held
EFFECT_KPIS = (
    "qa_average",
    "resolution_rate",
    "rating_average",
    "agent_complaint_rate",
)
DEFAULT_WEEKS = 4


def windows(attendee):
    """(before from, before to, after from, after to): the course's weeks
    before the session's first day and after its last day."""
    weeks = relativedelta(weeks=attendee.cs_course_id.cs_effect_weeks or DEFAULT_WEEKS)
    start = attendee.course_start
    end = attendee.course_end or start
    return (
        start - weeks,
        start - relativedelta(days=1),
        end + relativedelta(days=1),
        end + weeks,
    )


def effect_counts(env, attendees):
    """{attendee: (counts before, counts after)} of the KPI report's counts
    behind EFFECT_KPIS, summed over each attendee's windows. One query."""
    attendees = attendees.filtered(lambda a: a.course_start and a.employee_id.user_id)
    if not attendees:
        return {}
    spans = {attendee: windows(attendee) for attendee in attendees}
    names = counts_for(EFFECT_KPIS)
    rows = (
        env["cs.kpi.report"]
        .sudo()
        ._read_group(
            [
                ("user_id", "in", attendees.employee_id.user_id.ids),
                ("company_id", "in", attendees.employee_id.company_id.ids),
                ("date", ">=", min(span[0] for span in spans.values())),
                ("date", "<=", max(span[3] for span in spans.values())),
            ],
            ["user_id", "company_id", "date:day"],
            [f"{name}:sum" for name in names],
        )
    )
    days = defaultdict(list)
    for user, company, day, *sums in rows:
        days[(user.id, company.id)].append((day, dict(zip(names, sums, strict=True))))
    result = {}
    for attendee, (before_from, before_to, after_from, after_to) in spans.items():
        before, after = Counter(), Counter()
        employee = attendee.employee_id
        for day, sums in days[(employee.user_id.id, employee.company_id.id)]:
            if before_from <= day <= before_to:
                before.update({k: v or 0 for k, v in sums.items()})
            elif after_from <= day <= after_to:
                after.update({k: v or 0 for k, v in sums.items()})
        result[attendee] = (before, after)
    return result


def figure(counts, kpi):
    """The rate ``kpi`` of summed counts, or None without a denominator."""
    numerator, denominator, factor = RATES[kpi]
    return rate(counts.get(numerator, 0), counts.get(denominator), factor)


def side_by_side(before, after, kpi):
    """'62.0 → 81.5 (+19.5)'; a dash where there is no data, never 0."""
    old, new = figure(before, kpi), figure(after, kpi)
    text = f"{'—' if old is None else f'{old:.1f}'} → "
    text += "—" if new is None else f"{new:.1f}"
    if old is not None and new is not None:
        text += f" ({new - old:+.1f})"
    return text


def pooled(counts_by_attendee, attendees):
    """The counts of ``attendees`` added up: the course's average effect."""
    before, after = Counter(), Counter()
    for attendee in attendees:
        own_before, own_after = counts_by_attendee.get(attendee, ({}, {}))
        before.update(own_before)
        after.update(own_after)
    return before, after
