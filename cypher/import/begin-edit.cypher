// First in an edit's transaction: write-locks GraphMeta (as lock-graph-meta.cypher does), reads
// the graph's version while no other Chainscope write can commit, and counts this write
// (mark-written.cypher). The version read is the one the graph had before the edit: the gap
// counts stamped with it are the ones carry-gap-counts.cypher may keep current afterwards.
MERGE (meta:GraphMeta {id: 'graph'})
SET meta._locked = true
REMOVE meta._locked
WITH meta
{{> graph-version}}
SET meta.writes = coalesce(meta.writes, 0) + 1
RETURN graphVersion AS before
