// graphVersion: a cheap fingerprint of the graph's state, read at the start of a statement. Node
// and relationship totals come from Neo4j's count store (whoever wrote); Chainscope's own write
// counter (cypher/import/mark-written.cypher) also moves when only properties changed. The
// derived GapCounts nodes are not part of the graph, so writing them does not change it.
CALL () {
  CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH (n:GapCounts) RETURN count(n) AS derived }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
  CALL () { OPTIONAL MATCH (meta:GraphMeta {id: 'graph'}) RETURN coalesce(meta.writes, 0) AS writes }
  RETURN (nodes - derived) + ':' + relationships + ':' + writes AS graphVersion
}
