"""Engines run the same stages: `local` (embedded default) and `dask` (at scale)."""
