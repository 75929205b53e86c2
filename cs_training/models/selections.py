"""Selections shared by several training models."""

TRAINING_METHODS = [
    ("lecture", "Internal lecture"),
    ("online", "Online learning"),
    ("case", "Case analysis"),
    ("drill", "Simulation drill"),
    ("external", "External course"),
]
