"""The arithmetic every appraisal score is made of. The rules that use it
live in the models: criterion (value → score), line (sources of a
criterion), appraisal (groups and sources), grade (bands)."""


def weighted_mean(pairs):
    """Mean of the ``(weight, score)`` pairs whose score is known (not
    None) and whose weight is positive; None when there is none. A missing
    score does not count as zero: its weight goes to the others."""
    known = [(weight, score) for weight, score in pairs if score is not None and weight > 0]
    total = sum(weight for weight, _score in known)
    if not total:
        return None
    return sum(weight * score for weight, score in known) / total


def on_hundred(raw, scale):
    """A score given on a 1..``scale`` scale, out of 100; 0 means not scored."""
    return 100.0 * raw / scale if raw and scale else None
