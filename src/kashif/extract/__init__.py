"""Extraction: turn Arabic conflict reports into event records (codebook in ../shared/codebook.md)."""
