"""Event clusters: the same event reported by many agencies, in many languages, grouped."""
