"""Time expressions in Dutch news: recognised with rules over the word tables, normalised against the document date."""
