"""A score given on a scale, out of 100; the weighting itself is
cs_management's (cs.weighted.score.mixin). The rules that use it live in the
models: criterion (value → score), line (sources of a criterion), appraisal
(groups and sources), grade (bands)."""


def on_hundred(raw, scale):
    """A score given on a 1..``scale`` scale, out of 100; 0 means not scored."""
    return 100.0 * raw / scale if raw and scale else None
