"""Output formats of `kroniek read`: JSON Lines, CoNLL-U and human-readable tables."""
