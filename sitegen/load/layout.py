"""The names of an agreement's folder, defined once: every stage that finds, reads, signs or
publishes an agreement's files takes them from here.

    agreements/<ID>/agreement.yaml        the living agreement (AGREEMENT_FILE)
    agreements/<ID>/signed/               the append-only archive (SIGNED_DIR)
    agreements/<ID>/signed/manifest.yaml  its SHA-256s (MANIFEST)
    agreements/<ID>/reports/              period records (REPORTS_DIR): <period>.yaml
    agreements/<ID>/reports/acceptances.yaml      the customer's acceptances (ACCEPTANCES)
    agreements/<ID>/reports/superseded/   accepted records replaced since (SUPERSEDED_DIR),
                                          each as <period>.<n>.yaml
    agreements/<ID>/reviews/              structured review records (REVIEWS_DIR):
                                          <period>.yaml, a month, quarter, half-year or year
"""

from __future__ import annotations

AGREEMENT_FILE = "agreement.yaml"
SIGNED_DIR = "signed"
MANIFEST = "manifest.yaml"
REPORTS_DIR = "reports"
ACCEPTANCES = "acceptances.yaml"
SUPERSEDED_DIR = "superseded"
RECORD_SUFFIX = ".yaml"
REVIEWS_DIR = "reviews"
