"""Benchmarks, run with `python -m bench [--quick]`; never part of the test suite."""
