// A cheap fingerprint of the graph's state for the response cache: node and relationship totals
// (from Neo4j's count store, whoever wrote) and Chainscope's own write counter (cypher/import/
// mark-written.cypher), which also moves when only properties changed.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { OPTIONAL MATCH (meta:GraphMeta {id: 'graph'}) RETURN coalesce(meta.writes, 0) AS writes }
RETURN nodes + ':' + relationships + ':' + writes AS version
