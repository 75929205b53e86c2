"""Selections shared by several models: one definition, one translation
(Odoo translates selection labels through their field definitions)."""

TICKET_KINDS = [
    ("consultation", "Consultation"),
    ("complaint", "Complaint"),
    ("suggestion", "Suggestion"),
    # a customer praising staff (003 §5.1.3): recorded as a commendation
    ("commendation", "Commendation"),
    ("after_sales", "After-sales"),
    ("order", "Order Issue"),
    ("public_opinion", "Public-opinion Incident"),
]

SEVERITIES = [
    ("minor", "Minor"),
    ("normal", "Normal"),
    ("major", "Major"),
    ("critical", "Critical"),
]
SEVERITY_RANK = {code: rank for rank, (code, _label) in enumerate(SEVERITIES)}

SATISFACTION = [
    ("1", "Very dissatisfied"),
    ("2", "Dissatisfied"),
    ("3", "Neutral"),
    ("4", "Satisfied"),
    ("5", "Very satisfied"),
]
# a customer at or below this score is not satisfied with the solution
UNSATISFIED_UP_TO = "2"

LIFECYCLE_STEPS = [
    ("acceptance", "Acceptance"),
    ("verification", "Verification"),
    ("investigation", "Investigation"),
    ("solution", "Solution"),
    ("feedback", "Customer Feedback"),
    ("followup", "Follow-up Visit"),
    ("closed", "Closed"),
]
# a ticket past Customer Feedback was solved: its handling time ends there
SOLVED_STEPS = ("followup", "closed")

# the social platforms of public-opinion incidents and of the intake API
PLATFORMS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("threads", "Threads"),
    ("line", "LINE"),
    ("youtube", "YouTube"),
    ("dcard", "Dcard"),
    ("ptt", "PTT"),
    ("weibo", "Weibo"),
    ("wechat", "WeChat"),
    ("douyin", "Douyin / TikTok"),
    ("xiaohongshu", "Xiaohongshu"),
    ("news", "News media"),
    ("other", "Other"),
]
