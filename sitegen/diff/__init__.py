"""Comparing two versions of an agreement: term changes, clause redlines, reports."""
