GROUPS = [
    ("results", "Results"),
    ("attitude", "Attitude"),
    ("ability", "Ability and Knowledge"),
    ("teamwork", "Teamwork"),
]

SOURCES = [
    ("kpi", "KPI"),
    ("training", "Training results"),
    ("manual", "Scored by people"),
]

# where a KPI criterion's target comes from
TARGET_FROM = [
    ("fixed", "Fixed number"),
    ("team", "The team's monthly target"),
]

# what a grade asks for; "promotion" becomes a salary increase when the
# career path does not allow the promotion yet
GRADE_RECOMMENDATIONS = [
    ("promotion", "Promotion (salary increase until the career path allows it)"),
    ("salary", "Salary increase"),
    ("keep", "No change"),
    ("training", "Training plan"),
    ("improvement", "Improvement plan"),
]

RECOMMENDATIONS = [
    ("promotion", "Promotion"),
    ("salary", "Salary increase"),
    ("keep", "No change"),
    ("training", "Training plan"),
    ("improvement", "Improvement plan"),
    ("reassignment", "Position adjustment"),
]

STATES = [
    ("open", "Open"),
    ("self_assessment", "Self-Assessment"),
    ("review", "Supervisor Review"),
    ("calibration", "Calibration"),
    ("published", "Published"),
    ("acknowledged", "Acknowledged"),
]
