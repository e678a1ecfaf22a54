"""Cleaning: the ``extract`` (bytes -> text + page metadata), ``clean`` (text -> Article:
boilerplate, teasers, credits, metadata) and ``language`` stages. Each module exposes
``make_stage(settings)``; the German pattern data lives in ``resources/de``."""
