"""Quantities in Dutch news: numbers, amounts of money, percentages, counts and ages."""
