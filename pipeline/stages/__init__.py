"""Extraction stages: spaCy components, one job each (see ``pipeline.registry``)."""
