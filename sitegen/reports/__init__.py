"""Service reports: each service measured against its agreement, from monitoring and ticket
data (step 5 of the guide), and the reviews that read them (step 6).

    rows          the canonical outage, ticket and pause tables, read into DuckDB
    read          input files into those tables (`read_outages`, `read_tickets`, `Expect`,
                  `input_digests`), every problem of every file in one InputErrors; with
                  sources (CSV, JSON Lines, Parquet), prometheus, times, checks, pauses,
                  problems and inputerrors
    mappings      the exports sitegen reads through a mapping (Jira Service Management,
                  ServiceNow, Prometheus probes), and a project's own from sitegen.toml
    service_time  the agreement's service hours as instants, and its zone
    periods       a month or quarter in the agreement's zone; a Job: one agreement, one period
    figures       one period's figures: availability per tier, support targets per
                  priority, breaches, exclusions, credits due, pass or fail
    availability  availability per tier, every job in one set of queries (`tier_plan`
                  writes the tiers and clocks as tables, `downtime_sql` holds the SQL)
    credits       credits due: the band each tier reached, the amount, the claim deadline

Inputs are read and computed with DuckDB, set-based: the engine reads CSV, JSON Lines and
Parquet directly and scales to tens of millions of rows on one machine, where a loop over
rows in Python would not.
"""
