"""The scoring engine: pure functions from a framework and an assessment to scores."""
