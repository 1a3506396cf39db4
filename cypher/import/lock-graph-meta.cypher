// Write-locks the graph's GraphMeta node until the transaction ends. Writes of WITHIN take it
// before writing, so each sees the hierarchy the one before it committed when it checks for a
// loop (region-loops.cypher); edits take it first too, so the two never wait on each other in
// opposite orders.
MERGE (meta:GraphMeta {id: 'graph'})
SET meta._locked = true
REMOVE meta._locked
