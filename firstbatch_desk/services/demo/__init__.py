"""Realistic, deterministic demo data for a fresh database (嘉兴 enterprises, visits, needs).

``DemoGenerator(engine, words_dir=resource_path("demo"), origin=...).generate(600)``
fills an empty, migrated database with reference data loaded; the same seed
and the same ``today`` give the same rows, ids included.
"""

from firstbatch_desk.services.demo.generator import DemoGenerator

__all__ = ["DemoGenerator"]
