-- Hand-written (no schema change): recuperation quotas become a tree (docs/recuperation.md, "Quotas down
-- the union tree"). A union's row now means the places it received from the union above; the draw gives
-- its own members what it received less what it handed to the unions directly below. Until now every row
-- was drawn as is, set by the province per union. So that every union keeps exactly what it could draw
-- before, each union above a row (up to 省总工会) gets the sum of the old rows in its subtree, its own
-- included: a county then holds what its unions hold, and a union that had a row and unions with rows
-- below it holds both.
WITH RECURSIVE up(year, ancestor, quota) AS (
  SELECT q.year, q.union_id, q.quota FROM recuperation_quotas q
  UNION ALL
  SELECT up.year, u.parent_id, up.quota FROM up JOIN unions u ON u.id = up.ancestor WHERE u.parent_id IS NOT NULL
)
INSERT INTO recuperation_quotas (year, union_id, quota)
SELECT year, ancestor, sum(quota)::int FROM up GROUP BY year, ancestor
ON CONFLICT (year, union_id) DO UPDATE SET quota = excluded.quota;
