// Every write Chainscope makes (an import, an edit) counts itself here, so API processes see
// that cached answers are out of date even when no node or relationship was added or removed.
// GraphMeta is not an Entity: no query, export or count of the graph sees it.
MERGE (meta:GraphMeta {id: 'graph'})
SET meta.writes = coalesce(meta.writes, 0) + 1
