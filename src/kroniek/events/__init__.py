"""The events layer: who did what to whom, when, where and how much, coded in CAMEO, PLOVER and news types."""
