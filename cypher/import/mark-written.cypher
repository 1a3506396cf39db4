// Every import Chainscope makes counts itself here (an edit does in begin-edit.cypher), so API
// processes see that cached answers are out of date even when no node or relationship was added
// or removed.
// GraphMeta is not an Entity: no query, export or count of the graph sees it.
MERGE (meta:GraphMeta {id: 'graph'})
SET meta.writes = coalesce(meta.writes, 0) + 1
