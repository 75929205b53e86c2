"""The service KPIs of the rulebooks, defined once: the view
(cs.kpi.report), the dashboard, targets and the appraisal read these."""

# KPI-2: kinds where the customer has a problem to solve
PROBLEM_KINDS = ("complaint", "after_sales", "order")

# Every rate of the rulebooks, defined once: numerator, denominator, factor.
# The report, its pivot and graph, the dashboard and the appraisal's API all
# compute rates from these summed counts, never by averaging rates.
RATES = {
    # the team's and store's rate: customers who complained, by holder
    "complaint_rate": ("complaining_customers", "customers_served", 100.0),  # KPI-1
    # the agent's rate (000 §7.1.1): complaints charged to whose service they
    # are about (helpdesk.ticket.cs_concerned_user_id), not to their holder
    "agent_complaint_rate": (
        "complaints_charged",
        "customers_served",
        100.0,
    ),  # KPI-1
    "resolution_rate": ("customers_solved", "customers_with_problem", 100.0),  # KPI-2
    "avg_first_response_hours": (
        "first_response_hours",
        "first_responses",
        1.0,
    ),  # KPI-3
    "avg_handling_hours": ("handling_hours", "handled", 1.0),  # KPI-3
    "rating_average": ("rating_total", "ratings", 1.0),  # KPI-4
    # customers' commendations (cs.conduct.record), not top ratings
    "praise_rate": ("customer_commendations", "customers_served", 100.0),  # KPI-4
    "staff_complaint_rate": ("staff_complaints", "customers_served", 100.0),  # KPI-4
    "within_deadline_rate": ("deadlines_met", "deadlines_due", 100.0),  # KPI-5
    "reply_timeliness_rate": ("replies_in_time", "replies_due", 100.0),  # KPI-5
    "reopen_rate": ("reopened", "closed_tickets", 100.0),  # KPI-5
    "qa_average": ("qa_score_total", "qa_inspections", 1.0),  # KPI-5, IQS
    "qa_accuracy_rate": ("qa_passed", "qa_inspections", 100.0),  # KPI-5
    "conversion_rate": ("deals_won", "leads_closed", 100.0),  # KPI-8
}

# the additive measures, columns of the view
COUNTS = (
    "inquiries",
    "customers_served",
    "complaining_customers",
    "complaints_charged",
    "complaints_handled",
    "customers_with_problem",
    "customers_solved",
    "staff_complaints",
    "first_response_hours",
    "first_responses",
    "handling_hours",
    "handled",
    "closed_tickets",
    "reopened",
    "ratings",
    "rating_total",
    "ratings_satisfied",
    "ratings_neutral",
    "ratings_dissatisfied",
    "deadlines_due",
    "deadlines_met",
    "replies_due",
    "replies_in_time",
    "replies",
    "resolved",
    "qa_inspections",
    "qa_score_total",
    "qa_passed",
    "sales_amount",
    "deals_won",
    "leads_closed",
    "commendations",
    "customer_commendations",
    "disciplinary_records",
)

# the KPIs where less is better: a trend, a gap and a score read them the
# other way round
LOWER_IS_BETTER = {
    "complaint_rate",
    "agent_complaint_rate",
    "staff_complaint_rate",
    "avg_first_response_hours",
    "avg_handling_hours",
    "reopen_rate",
    "disciplinary_records",
}

# what a target (cs.target) or an appraisal criterion can be measured by:
# every rate, and the counts and sales figures that make sense as targets
KPI_CHOICES = (
    *RATES,
    "inquiries",
    "replies",
    "resolved",
    "complaints_handled",
    "sales_amount",
    "deals_won",
    "commendations",
    "disciplinary_records",
)


def rate(numerator, denominator, factor):
    """None without a denominator: no data is not zero."""
    return factor * numerator / denominator if denominator else None


def counts_for(names):
    """The counts that the counts and rates ``names`` are, or come from."""
    parts = {part for name in names if name in RATES for part in RATES[name][:2]}
    return [name for name in COUNTS if name in names or name in parts]
