// Last in an edit's transaction: the gap counts taken on the graph as it was before the edit
// ($before, read by beginEdit in api/src/db/gap-counts.ts once GraphMeta is locked) and of a segment the edit cannot have altered
// ($touched, from segments-touched.cypher) are as true after it, so they are stamped with the
// version the edit leaves. The others stay stale, and are the only ones counted again.
{{> graph-version}}
MATCH (counts:GapCounts {version: $before})
WHERE NOT counts.segment IN $touched
SET counts.version = graphVersion
RETURN count(counts) AS kept
