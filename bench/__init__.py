"""Benchmarks (not tests): ``python bench/run.py`` prints JSON results; see run.py."""
