"""Storyloom's backend test suites."""
