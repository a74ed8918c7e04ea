"""Headless engine: ingest, segment, align, contradict. Never imports textual or the store."""
