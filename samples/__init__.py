"""Sample inputs built in code, shared by the tests and the benchmarks.

`bench/` never imports `tests/`, and a unit test should not depend on the
benchmarks: what both need lives here, below both. The app never imports it.
"""
