"""The SQL of availability: every tier of every job in a handful of statements over the
`outages` table and the plan's tables (`tier_plan`). Times are compared as instants and
measured in whole microseconds (`epoch_us`), so no figure goes through a float.

    av_cls   each outage row that touches a tier's period, cut to the period, with its
             status: a counted cause (outage, not_excluded, maintenance_late) or an
             excluded one (maintenance, customer, force_majeure, third_party)
    av_part  its parts inside the service hours, per window; a maintenance beyond the
             month's cap split into the part within it and `maintenance_over_cap`
    av_el    the elementary intervals between all part boundaries of a window, with how
             many counted (`cc`) and excluded (`ee`) parts cover each: downtime is where
             cc > 0 and ee = 0 (an excluded event covers an outage inside it), so
             overlapping outages count once
    WINDOWS  per tier: service minutes (the clock's), downtime (quantised by the
             definition in each window) and excluded minutes; the windows that missed, and
             the worst, among those with downtime (a window without any is wholly up)
"""

from __future__ import annotations

MINUTE_US = 60_000_000
COUNTED = ("outage", "not_excluded", "maintenance_late", "maintenance_over_cap")

CLASSIFY = """
CREATE OR REPLACE TEMP TABLE av_cls AS
WITH ev AS (
    SELECT t.t, o.file, o."row", o.ref, o.kind, o.notified, o."start" AS o_start,
           greatest(o."start", t.p_start) AS s, least(o."end", t.p_end) AS e
    FROM av_tier t JOIN outages o
      ON o.agreement = t.agreement AND (o.tier IS NULL OR o.tier = t.tier_key)
     AND o."start" < t.p_end AND o."end" > t.p_start
)
SELECT ev.*, CASE
    WHEN ev.kind = 'outage' THEN 'outage'
    WHEN NOT list_contains(t.excl, ev.kind) THEN 'not_excluded'
    WHEN ev.kind <> 'maintenance' THEN ev.kind
    WHEN t.notice_us IS NOT NULL AND (ev.notified IS NULL
         OR epoch_us(ev.o_start) - epoch_us(ev.notified) < t.notice_us) THEN 'maintenance_late'
    WHEN t.notice_wd IS NOT NULL AND (ev.notified IS NULL OR ev.notified > ev.o_start
         OR coalesce(ws.ord - wn.ord, t.notice_wd) < t.notice_wd) THEN 'maintenance_late'
    ELSE 'maintenance' END AS status
FROM ev JOIN av_tier t USING (t)
LEFT JOIN av_workday ws ON t.notice_wd IS NOT NULL AND ws.cal = t.cal
     AND ws.day = CAST(timezone(t.zone, ev.o_start) AS DATE)
LEFT JOIN av_workday wn ON t.notice_wd IS NOT NULL AND wn.cal = t.cal
     AND wn.day = CAST(timezone(t.zone, ev.notified) AS DATE)
"""

PARTS = """
CREATE OR REPLACE TEMP TABLE av_part AS
WITH pc AS (
    SELECT c.t, c.file, c."row", c.o_start, c.status, g.w, t.cap_us,
           greatest(c.s, g.s) AS ps, least(c.e, g.e) AS pe
    FROM av_cls c JOIN av_tier t USING (t)
    JOIN av_seg g ON g.clock = t.clock AND g.s < c.e AND g.e > c.s
), capped AS (
    SELECT pc.*, epoch_us(pc.pe) - epoch_us(pc.ps) AS len, CAST(coalesce(sum(
        epoch_us(pc.pe) - epoch_us(pc.ps)) OVER (PARTITION BY pc.t, m.m_start
        ORDER BY pc.o_start, pc.file, pc."row", pc.ps
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS before_us
    FROM pc JOIN av_month m ON m.t = pc.t AND m.m_start <= pc.ps AND pc.ps < m.m_end
    WHERE pc.status = 'maintenance' AND pc.cap_us IS NOT NULL
), parts AS (
    SELECT t, file, "row", status, w, ps, pe FROM pc
    WHERE status <> 'maintenance' OR cap_us IS NULL
    UNION ALL
    SELECT t, file, "row", 'maintenance', w, ps,
           ps + to_microseconds(least(cap_us - before_us, len))
    FROM capped WHERE cap_us > before_us
    UNION ALL
    SELECT t, file, "row", 'maintenance_over_cap', w,
           ps + to_microseconds(greatest(cap_us - before_us, 0)), pe
    FROM capped WHERE before_us + len > cap_us
)
SELECT *, status IN ('outage', 'not_excluded', 'maintenance_late', 'maintenance_over_cap')
       AS counted
FROM parts
"""

ELEMENTS = """
CREATE OR REPLACE TEMP TABLE av_el AS
WITH edge AS (
    SELECT t, w, x, sum(dc) AS dc, sum(de) AS de FROM (
        SELECT t, w, ps AS x, CAST(counted AS INT) AS dc, CAST(NOT counted AS INT) AS de
        FROM av_part
        UNION ALL
        SELECT t, w, pe, -CAST(counted AS INT), -CAST(NOT counted AS INT) FROM av_part
    ) GROUP BY t, w, x
), run AS (
    SELECT t, w, x, lead(x) OVER win AS nx,
           sum(dc) OVER (win ROWS UNBOUNDED PRECEDING) AS cc,
           sum(de) OVER (win ROWS UNBOUNDED PRECEDING) AS ee
    FROM edge WINDOW win AS (PARTITION BY t, w ORDER BY x)
)
SELECT t, w, x, nx, cc > 0 AND ee = 0 AS down, ee > 0 AS excl FROM run WHERE nx IS NOT NULL
"""

WINDOWS = """
WITH flagged AS (
    SELECT *, down AND NOT coalesce(lag(down) OVER (PARTITION BY t, w ORDER BY x), false)
           AS opens
    FROM av_el
), islands AS (
    SELECT *, sum(CAST(opens AS INT)) OVER (PARTITION BY t, w ORDER BY x
           ROWS UNBOUNDED PRECEDING) AS island
    FROM flagged
), piece AS (
    SELECT i.t, i.w, epoch_us(min(i.x)) - epoch_us(t.p_start) AS a,
           epoch_us(max(i.nx)) - epoch_us(t.p_start) AS b,
           t.interval_us AS iv, t.partial_counted AS whole
    FROM islands i JOIN av_tier t USING (t) WHERE i.down GROUP BY i.t, i.w, i.island, t.p_start,
         t.interval_us, t.partial_counted
), cells AS (
    SELECT t, w, b - a AS len,
        CASE WHEN iv IS NULL THEN 0
             WHEN whole THEN (b + iv - 1) // iv - a // iv - CASE WHEN lag((b + iv - 1) // iv - 1)
                  OVER (PARTITION BY t, w ORDER BY a) = a // iv THEN 1 ELSE 0 END
             ELSE greatest(0, b // iv - (a + iv - 1) // iv) END AS n
    FROM piece
), down AS (
    SELECT t, w, sum(len) AS down_us, sum(n) AS n FROM cells GROUP BY t, w
), excl AS (
    SELECT t, w, sum(epoch_us(nx) - epoch_us(x)) AS excl_us FROM av_el WHERE excl GROUP BY t, w
), clock_win AS (
    SELECT clock, w, sum(epoch_us(e) - epoch_us(s)) // 60000000 AS svc_m
    FROM av_seg GROUP BY clock, w
), clock_all AS (
    SELECT clock, sum(svc_m) AS svc_m, count(*) AS windows FROM clock_win GROUP BY clock
), touched AS (
    SELECT coalesce(d.t, x.t) AS t, coalesce(d.w, x.w) AS w, d.down_us, d.n, x.excl_us
    FROM down d FULL JOIN excl x ON x.t = d.t AND x.w = d.w
), win AS (  -- only the windows with downtime or exclusions: the others are wholly up
    SELECT k.t, k.w, cw.svc_m, least(cw.svc_m, CASE WHEN t.interval_us IS NULL
               THEN (coalesce(k.down_us, 0) + 59999999) // 60000000
               ELSE coalesce(k.n, 0) * (t.interval_us // 60000000) END) AS down_m,
           coalesce(k.excl_us, 0) // 60000000 AS excl_m, t.target_num, t.target_den
    FROM touched k JOIN av_tier t USING (t)
    JOIN clock_win cw ON cw.clock = t.clock AND cw.w = k.w
), per_tier AS (
    SELECT t, sum(down_m) AS down_m, sum(excl_m) AS excl_m,
           count(*) FILTER (WHERE 100 * (svc_m - down_m) * target_den < target_num * svc_m)
           AS missed,
           arg_min(svc_m, (svc_m - down_m) / svc_m) AS low_svc,
           arg_min(down_m, (svc_m - down_m) / svc_m) AS low_down
    FROM win GROUP BY t
)
SELECT t.t, coalesce(c.svc_m, 0), coalesce(p.down_m, 0), coalesce(p.excl_m, 0),
       coalesce(c.windows, 0), coalesce(p.missed, 0), p.low_svc, p.low_down
FROM av_tier t LEFT JOIN clock_all c ON c.clock = t.clock LEFT JOIN per_tier p USING (t)
ORDER BY t.t
"""

# Each event with its minutes inside the service hours, counted and excluded: each a sum of
# positive spans, in minutes begun (rounded up; `//` truncates, right for what is positive).
EVENTS = """
WITH inside AS (
    SELECT t, file, "row", sum(epoch_us(pe) - epoch_us(ps)) AS in_us,
           bool_or(status = 'maintenance_over_cap') AS over_cap,
           coalesce(sum(epoch_us(pe) - epoch_us(ps)) FILTER (WHERE NOT counted), 0) AS ex_us
    FROM av_part GROUP BY t, file, "row"
), counted AS (
    SELECT p.t, p.file, p."row",
           sum(epoch_us(least(p.pe, e.nx)) - epoch_us(greatest(p.ps, e.x))) AS counted_us
    FROM av_part p JOIN av_el e
      ON e.t = p.t AND e.w = p.w AND e.x < p.pe AND e.nx > p.ps AND NOT e.excl
    WHERE p.counted GROUP BY p.t, p.file, p."row"
)
SELECT c.t, c.ref, c.kind, timezone('UTC', c.s), timezone('UTC', c.e), c.file, c."row", c.status,
       (coalesce(i.in_us, 0) + 59999999) // 60000000, coalesce(i.over_cap, false),
       (coalesce(k.counted_us, 0) + 59999999) // 60000000,
       (coalesce(i.ex_us, 0) + 59999999) // 60000000
FROM av_cls c
LEFT JOIN inside i ON i.t = c.t AND i.file = c.file AND i."row" = c."row"
LEFT JOIN counted k ON k.t = c.t AND k.file = c.file AND k."row" = c."row"
ORDER BY c.t, c.s, c.file, c."row"
"""
