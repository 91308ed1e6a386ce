"""The SQL of the support figures (`support.py` states the rules), step by step.

Inputs: `tickets` and `pauses` (rows.py), `support_jobs` (job, agreement, ps, pe: the
period's instants), `support_targets` (job, level, target, clock, zone, cal, allowed_us, wd),
the service-time index `support_segments` and the working days `support_days` (clock.py).
Each step is one statement over every job; no value is ever formatted into the text.

The clock reading `W(t)` is `epoch_us(t)` on plain time and `service_us` on a service clock
(an ASOF JOIN finds the segment). For each (job, ticket, target) the clock is read at the
opening, at the period's start and at `stop` (the response or resolution, or the period's
end if that is earlier): elapsed = W(stop) - W(opened) less the pauses read the same way.
"""

from __future__ import annotations

TABLES = (
    "support_jobs",
    "support_targets",
    "support_segments",
    "support_days",
    "support_pauses",
    "support_cases",
    "support_read",
    "support_limits",
    "support_paused",
    "support_outcome",
)

# The earliest opening among each job's tickets that a target may still decide in the period.
RELEVANT = """
SELECT j.job, min(t.opened)
FROM support_jobs j JOIN tickets t ON t.agreement = j.agreement AND t.opened < j.pe
WHERE t.resolved IS NULL OR t.resolved >= j.ps OR t.responded >= j.ps
GROUP BY j.job
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

_CASES = """
CREATE OR REPLACE TEMP TABLE support_cases AS
SELECT row_number() OVER () AS case_no, *,
    CASE WHEN done IS NULL OR done > pe THEN pe ELSE done END AS stop
FROM (
    SELECT j.job, j.ps, j.pe, g.level, g.target, g.clock, g.zone, g.cal, g.allowed_us, g.wd,
        t.agreement, t.id, t.file, t."row", t.opened,
        CASE WHEN g.target = 'response' THEN coalesce(t.responded, t.resolved)
             ELSE t.resolved END AS done
    FROM support_jobs j
    JOIN tickets t ON t.agreement = j.agreement AND t.opened < j.pe
    JOIN support_targets g ON g.job = j.job AND g.level = t.priority
)
WHERE done IS NULL OR done >= ps
"""


def _reading(alias: str, instant: str) -> str:
    return (
        f"CASE WHEN c.clock IS NULL THEN epoch_us({instant}) ELSE service_us({instant}, "
        f"{alias}.seg_start, {alias}.seg_end, {alias}.before_us) END"
    )


_READ = f"""
CREATE OR REPLACE TEMP TABLE support_read AS
SELECT c.case_no,
    {_reading("a", "c.opened")} AS w_open,
    {_reading("b", "c.ps")} AS w_ps,
    {_reading("e", "c.stop")} AS w_stop,
    CASE WHEN c.clock IS NULL OR c.opened < a.seg_end THEN c.opened
         ELSE a.next_start END AS began
FROM support_cases c
ASOF LEFT JOIN support_segments a ON c.clock = a.clock AND c.opened >= a.seg_start
ASOF LEFT JOIN support_segments b ON c.clock = b.clock AND c.ps >= b.seg_start
ASOF LEFT JOIN support_segments e ON c.clock = e.clock AND c.stop >= e.seg_start
"""

# A `wd` limit: the same local time on the n-th working day after the day the clock began.
# A limit ending at or after the period's end cannot pass within it: NULL.
_LIMITS = f"""
CREATE OR REPLACE TEMP TABLE support_limits AS
WITH w AS (
    SELECT c.case_no, c.clock, c.zone, c.cal, c.wd, c.pe, r.w_open,
        timezone(c.zone, r.began) AS local_began
    FROM support_cases c JOIN support_read r USING (case_no)
    WHERE c.wd IS NOT NULL
), d AS (
    SELECT w.*, timezone(w.zone, n.day + w.local_began::TIME) AS due
    FROM w
    LEFT JOIN support_days s ON s.cal = w.cal AND s.day = w.local_began::DATE
    LEFT JOIN support_days n ON n.cal = w.cal AND n.working AND n.ordinal = s.ordinal + w.wd
)
SELECT c.case_no, c.due,
    CASE WHEN c.due < c.pe THEN {_reading("x", "c.due")} - c.w_open END AS allowed_us
FROM d c
ASOF LEFT JOIN support_segments x ON c.clock = x.clock AND c.due >= x.seg_start
"""

_PAUSED = f"""
CREATE OR REPLACE TEMP TABLE support_paused AS
WITH c AS (
    SELECT k.case_no, k.clock, greatest(p.p_start, k.opened) AS since,
        least(p.p_end, k.stop) AS until, least(p.p_end, k.ps) AS until_ps
    FROM support_cases k
    JOIN support_pauses p ON p.agreement = k.agreement AND p.ticket = k.id
    WHERE p.p_start < k.stop AND p.p_end > k.opened
)
SELECT c.case_no,
    sum(greatest({_reading("y", "c.until")} - {_reading("x", "c.since")}, 0)) AS paused,
    sum(greatest({_reading("z", "c.until_ps")} - {_reading("x", "c.since")}, 0)) AS paused_ps
FROM c
ASOF LEFT JOIN support_segments x ON c.clock = x.clock AND c.since >= x.seg_start
ASOF LEFT JOIN support_segments y ON c.clock = y.clock AND c.until >= y.seg_start
ASOF LEFT JOIN support_segments z ON c.clock = z.clock AND c.until_ps >= z.seg_start
GROUP BY c.case_no
"""

_OUTCOME = """
CREATE OR REPLACE TEMP TABLE support_outcome AS
WITH o AS (
    SELECT c.*,
        CASE WHEN c.wd IS NULL THEN c.allowed_us ELSE l.allowed_us END AS limit_us,
        greatest(r.w_stop - r.w_open, 0) - coalesce(p.paused, 0) AS elapsed_us,
        greatest(r.w_ps - r.w_open, 0) - coalesce(p.paused_ps, 0) AS elapsed_ps_us
    FROM support_cases c JOIN support_read r USING (case_no)
    LEFT JOIN support_limits l USING (case_no)
    LEFT JOIN support_paused p USING (case_no)
)
SELECT *,
    done IS NOT NULL AND done < pe AND (limit_us IS NULL OR elapsed_us <= limit_us) AS met,
    limit_us IS NOT NULL AND elapsed_us > limit_us AND elapsed_ps_us <= limit_us AS breached
FROM o
"""

STEPS = (_PAUSES, _CASES, _READ, _LIMITS, _PAUSED, _OUTCOME)

# Per job, priority and target: the tickets the target decided in the period, and those met.
COUNTS = """
SELECT job, level, target, count(*) FILTER (WHERE met OR breached), count(*) FILTER (WHERE met)
FROM support_outcome GROUP BY job, level, target
"""

BREACHES = """
SELECT job, level, target, id, limit_us, elapsed_us, done IS NULL OR done >= pe, file, "row"
FROM support_outcome WHERE breached
"""

OPENED = """
SELECT j.job, t.priority, count(*)
FROM support_jobs j
JOIN tickets t ON t.agreement = j.agreement AND t.opened >= j.ps AND t.opened < j.pe
GROUP BY j.job, t.priority
"""
