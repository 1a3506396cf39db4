// The segments whose gap counts (cypher/import/refresh-gap-counts.cypher) were not counted on
// the graph as it is now, or never were.
{{> graph-version}}
MATCH (segment:Segment)
WHERE NOT EXISTS { MATCH (:GapCounts {segment: segment.id, version: graphVersion}) }
RETURN segment.id AS id
ORDER BY id
