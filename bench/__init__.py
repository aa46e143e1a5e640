"""Offline benchmarks for Storybot's core: ``python -m bench`` runs them all.

Each module measures one thing next to its baseline from the same run and
returns a :class:`bench.report.Section`; ``__main__`` prints the table and
writes ``bench/results.json``.
"""
