"""Builders shared by several test modules (sample stores, releases, browser pages).

Test modules import from here, never from one another; nothing here is collected
as a test. Builders the benchmarks also need live in `samples/` (bench never
imports tests/).
"""
