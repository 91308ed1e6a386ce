"""The SQL of the support figures (`support.py` states the rules), step by step.

Inputs: `tickets` and `pauses` (rows.py); `support_jobs` (job, agreement, ps, pe: the
period's instants; `support_ranked` numbers the agreements `an` and each one's periods
`rk`); `support_defs` (d, target, clock, ck, zone, cal, allowed_us, wd: each distinct
target definition once, however many jobs and levels share it; `ck` is the clock or -1 on
plain time); `support_targets` (g, job, level, target, d, lrank, trank: one row per job,
level and target, with the level's and the target's place for ordering); the service-time
index `support_segments` and the working days `support_days` (clock.py). Each step is one
statement over every job; no value is ever formatted into the text.

The clock reading `W(t)` is `epoch_us(t)` on plain time and `service_us` on a service clock
(an ASOF JOIN finds the segment). A case is one (job, ticket, target); elapsed =
W(stop) - W(opened) less the pauses read the same way, where `stop` is the response or
resolution, or the period's end if that is earlier. Every reading that does not depend on
the period is taken once per ticket and target definition (`support_td`), every one that
does once per job and clock (`support_jc`): W(stop) is W(done) when the ticket was done by
the period's end, else W(pe). So a case costs no lookup of its own.

Measured at a year of 1,000 agreements (1,000,000 tickets, 10,326 periods) on a shared
2-core machine: the former plan joined each ticket with every period of its agreement that
ends after it opened (12 million rows, filtered down to 1.9 million cases), materialised
every case with its strings and read the index three times per case: ~10 s of CPU. A
ticket's periods are now a range of its agreement's period ranks (`support_ranked`), found
in two short lists per agreement (the period starts, and the running latest end: an ASOF
JOIN on the agreement took twice as long): from the first period that ends after the
opening to the last that starts by the response or resolution (every later one while the
ticket waits). The cases are joined on integers only and never materialised: ~3 s of CPU.
"""

from __future__ import annotations

TABLES = (
    "support_jobs",
    "support_defs",
    "support_targets",
    "support_segments",
    "support_days",
    "support_ranked",
    "support_pauses",
    "support_td",
    "support_jc",
    "support_tp",
    "support_outcome",
)

# The earliest opening among each job's tickets that a target may still decide in the period.
RELEVANT = """
SELECT j.job, min(t.opened)
FROM support_jobs j JOIN tickets t ON t.agreement = j.agreement AND t.opened < j.pe
WHERE t.resolved IS NULL OR t.resolved >= j.ps OR t.responded >= j.ps
GROUP BY j.job
"""

_RANKED = """
CREATE OR REPLACE TEMP TABLE support_ranked AS
SELECT job, agreement, dense_rank() OVER (ORDER BY agreement) AS an, ps, pe,
    row_number() OVER (PARTITION BY agreement ORDER BY ps, pe, job) AS rk
FROM support_jobs
"""

_PAUSES = """
CREATE OR REPLACE TEMP TABLE support_pauses AS
WITH p AS (
    SELECT agreement, ticket, "start", "end",
        max("end") OVER (
            PARTITION BY agreement, ticket ORDER BY "start", "end"
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS earlier_end
    FROM pauses
    WHERE agreement IN (SELECT agreement FROM support_jobs)
), islands AS (
    SELECT *, sum(CASE WHEN earlier_end IS NULL OR "start" > earlier_end THEN 1 ELSE 0 END)
        OVER (PARTITION BY agreement, ticket ORDER BY "start", "end" ROWS UNBOUNDED PRECEDING)
        AS island
    FROM p
)
SELECT agreement, ticket, min("start") AS p_start, max("end") AS p_end
FROM islands GROUP BY agreement, ticket, island
"""


def _reading(alias: str, instant: str, clock: str = "clock") -> str:
    return (
        f"CASE WHEN {clock} IS NULL THEN epoch_us({instant}) ELSE service_us({instant}, "
        f"{alias}.seg_start, {alias}.seg_end, {alias}.before_us) END"
    )


# Per ticket and target definition: the clock at the opening and at the response or
# resolution, and when the clock began (a ticket opened outside the service hours starts
# at the next service time); for a `wd` target, its due instant and the time it allows.
# Every ticket of the agreement's levels that some period may count (a superset of the
# cases' tickets); only those on a service clock need the index.
_TD = f"""
CREATE OR REPLACE TEMP TABLE support_td AS
WITH adefs AS (
    SELECT DISTINCT j.agreement, g.level, g.d
    FROM support_targets g JOIN support_jobs j USING (job)
), bounds AS (
    SELECT agreement, min(an) AS an, min(ps) AS first_ps, max(pe) AS last_pe
    FROM support_ranked GROUP BY agreement
), td AS (
    SELECT * FROM (
        SELECT t.rowid AS tno, a.d, b.an, t.priority, f.clock, f.zone, f.cal, f.wd,
            t.opened, b.first_ps,
            CASE WHEN f.target = 'response' THEN coalesce(t.responded, t.resolved)
                 ELSE t.resolved END AS done
        FROM tickets t
        JOIN bounds b ON b.agreement = t.agreement AND t.opened < b.last_pe
        JOIN adefs a ON a.agreement = t.agreement AND a.level = t.priority
        JOIN support_defs f ON f.d = a.d
    ) WHERE done IS NULL OR done >= first_ps
), opening AS (  -- once per ticket and clock: its targets on one clock share the opening
    SELECT o.tno, o.clock, service_us(o.opened, a.seg_start, a.seg_end, a.before_us) AS w_open,
        CASE WHEN o.opened < a.seg_end THEN o.opened ELSE a.next_start END AS began
    FROM (SELECT DISTINCT tno, clock, opened FROM td WHERE clock IS NOT NULL) o
    ASOF LEFT JOIN support_segments a ON o.clock = a.clock AND o.opened >= a.seg_start
), r AS (
    SELECT tno, d, an, priority, clock, zone, cal, wd, opened, done,
        epoch_us(opened) AS w_open, epoch_us(done) AS w_done, opened AS began
    FROM td WHERE clock IS NULL
    UNION ALL
    SELECT td.tno, td.d, td.an, td.priority, td.clock, td.zone, td.cal, td.wd,
        td.opened, td.done, o.w_open,
        service_us(td.done, b.seg_start, b.seg_end, b.before_us) AS w_done, o.began
    FROM (SELECT * FROM td WHERE clock IS NOT NULL) td
    JOIN opening o ON o.tno = td.tno AND o.clock = td.clock
    ASOF LEFT JOIN support_segments b ON td.clock = b.clock AND td.done >= b.seg_start
), w AS (
    SELECT r.*, timezone(r.zone, r.began) AS local_began FROM r WHERE r.wd IS NOT NULL
), due AS (
    SELECT w.tno, w.d, w.clock, w.w_open,
        timezone(w.zone, n.day + w.local_began::TIME) AS due
    FROM w
    LEFT JOIN support_days s ON s.cal = w.cal AND s.day = w.local_began::DATE
    LEFT JOIN support_days n ON n.cal = w.cal AND n.working AND n.ordinal = s.ordinal + w.wd
), allowed AS (
    SELECT u.tno, u.d, u.due, {_reading("x", "u.due", "u.clock")} - u.w_open AS allowed_wd
    FROM due u
    ASOF LEFT JOIN support_segments x ON u.clock = x.clock AND u.due >= x.seg_start
), bounds_of AS (  -- each agreement's period starts by rank, and the running latest end
    SELECT an, list(ps ORDER BY rk) AS starts, list(cpe ORDER BY rk) AS ends FROM (
        SELECT an, rk, ps, max(pe) OVER (
            PARTITION BY an ORDER BY rk ROWS UNBOUNDED PRECEDING) AS cpe
        FROM support_ranked
    ) GROUP BY an
)
SELECT r.tno, r.d, r.an, r.priority, r.opened, r.done, r.w_open, r.w_done, a.due,
    a.allowed_wd, 1 + len(list_filter(b.ends, lambda e: e <= r.opened)) AS first,
    CASE WHEN r.done IS NULL THEN len(b.starts)
         ELSE len(list_filter(b.starts, lambda s: s <= r.done)) END AS last
FROM r LEFT JOIN allowed a USING (tno, d)
JOIN bounds_of b ON b.an = r.an
"""

# Per job and clock: the clock at the period's start and end.
_JC = f"""
CREATE OR REPLACE TEMP TABLE support_jc AS
WITH jc AS (
    SELECT DISTINCT g.job, f.clock, f.ck, j.ps, j.pe
    FROM support_targets g JOIN support_defs f USING (d) JOIN support_jobs j USING (job)
)
SELECT jc.job, jc.ck,
    {_reading("a", "jc.ps", "jc.clock")} AS w_ps,
    {_reading("b", "jc.pe", "jc.clock")} AS w_pe
FROM jc
ASOF LEFT JOIN support_segments a ON jc.clock = a.clock AND jc.ps >= a.seg_start
ASOF LEFT JOIN support_segments b ON jc.clock = b.clock AND jc.pe >= b.seg_start
"""

# Per ticket, target definition and pause (overlapping pauses merged): the clock where the
# pause begins (not before the opening) and where it ends.
_TP = f"""
CREATE OR REPLACE TEMP TABLE support_tp AS
WITH k AS (
    SELECT c.tno, c.d, f.clock, p.p_start, p.p_end, greatest(p.p_start, c.opened) AS since
    FROM support_td c JOIN support_defs f USING (d)
    JOIN tickets t ON t.rowid = c.tno
    JOIN support_pauses p ON p.agreement = t.agreement AND p.ticket = t.id
    WHERE p.p_end > c.opened
)
SELECT k.tno, k.d, k.p_start, k.p_end,
    {_reading("x", "k.since", "k.clock")} AS w_since,
    {_reading("y", "k.p_end", "k.clock")} AS w_pend
FROM k
ASOF LEFT JOIN support_segments x ON k.clock = x.clock AND k.since >= x.seg_start
ASOF LEFT JOIN support_segments y ON k.clock = y.clock AND k.p_end >= y.seg_start
"""

# The cases: a ticket's candidate periods for a target are ranks `first` to `last` of its
# agreement's periods (`support_td`: a superset of those with opened < pe and done >= ps,
# even if periods overlapped, as `first` reads the running maximum of the ends); then the
# exact conditions.
_OUTCOME = """
CREATE OR REPLACE TEMP TABLE support_outcome AS
WITH pairs AS (
    SELECT *, unnest(range(first, last + 1)) AS rk FROM support_td WHERE last >= first
), c AS (
    SELECT g.g, r.job, p.d, p.tno, r.ps, r.pe, p.done, p.w_open, p.w_done, p.due,
        p.allowed_wd
    FROM pairs p
    JOIN support_ranked r ON r.an = p.an AND r.rk = p.rk
    JOIN support_targets g ON g.job = r.job AND g.level = p.priority AND g.d = p.d
    WHERE p.opened < r.pe AND (p.done IS NULL OR p.done >= r.ps)
), s AS (
    SELECT c.g, c.tno, c.d, c.done, c.ps, c.pe, c.w_open, jc.w_ps,
        CASE WHEN c.done IS NULL OR c.done > c.pe THEN c.pe ELSE c.done END AS stop,
        CASE WHEN c.done IS NULL OR c.done > c.pe THEN jc.w_pe ELSE c.w_done END AS w_stop,
        CASE WHEN f.wd IS NULL THEN f.allowed_us
             WHEN c.due < c.pe THEN c.allowed_wd END AS limit_us
    FROM c
    JOIN support_defs f USING (d)
    JOIN support_jc jc ON jc.job = c.job AND jc.ck = f.ck
), p AS (
    SELECT s.g, s.tno,
        sum(greatest(CASE WHEN k.p_end <= s.stop THEN k.w_pend ELSE s.w_stop END
                     - k.w_since, 0)) AS paused,
        sum(greatest(CASE WHEN k.p_end <= s.ps THEN k.w_pend ELSE s.w_ps END
                     - k.w_since, 0)) AS paused_ps
    FROM s JOIN support_tp k ON k.tno = s.tno AND k.d = s.d AND k.p_start < s.stop
    GROUP BY s.g, s.tno
), o AS (
    SELECT s.g, s.tno, s.done, s.pe, s.limit_us,
        greatest(s.w_stop - s.w_open, 0) - coalesce(p.paused, 0) AS elapsed_us,
        greatest(s.w_ps - s.w_open, 0) - coalesce(p.paused_ps, 0) AS elapsed_ps_us
    FROM s LEFT JOIN p USING (g, tno)
)
SELECT g, tno, limit_us, elapsed_us, done IS NULL OR done >= pe AS still_open,
    done IS NOT NULL AND done < pe AND (limit_us IS NULL OR elapsed_us <= limit_us) AS met,
    limit_us IS NOT NULL AND elapsed_us > limit_us AND elapsed_ps_us <= limit_us AS breached
FROM o
"""

STEPS = (_RANKED, _PAUSES)
READINGS = (_TD, _JC, _TP, _OUTCOME)

# Per job, priority and target: the tickets the target decided in the period, and those met.
COUNTS = """
SELECT g.job, g.level, g.target, o.decided, o.within
FROM (
    SELECT g, count(*) FILTER (WHERE met OR breached) AS decided,
        count(*) FILTER (WHERE met) AS within
    FROM support_outcome GROUP BY g
) o JOIN support_targets g USING (g)
"""

# In each job's order: by priority (the agreement's), ticket id, response before resolution.
# Each breach as `figures.Breach` takes it, after the job: the limit in whole minutes
# (rounded down: a limit is never negative), the time taken in minutes begun (rounded up;
# DuckDB's `//` truncates towards zero, so each sign is rounded on its own).
BREACHES = """
SELECT g.job, t.id, g.level, g.target, o.limit_us // 60000000,
       CASE WHEN o.elapsed_us >= 0 THEN (o.elapsed_us + 59999999) // 60000000
            ELSE -((-o.elapsed_us) // 60000000) END,
       o.still_open, t.file, t."row"
FROM support_outcome o
JOIN support_targets g USING (g)
JOIN tickets t ON t.rowid = o.tno
WHERE o.breached
ORDER BY g.job, g.lrank, t.id, g.trank
"""

OPENED = """
SELECT j.job, t.priority, count(*)
FROM support_jobs j
JOIN tickets t ON t.agreement = j.agreement AND t.opened >= j.ps AND t.opened < j.pe
GROUP BY j.job, t.priority
"""
