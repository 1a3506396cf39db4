// The graph's state for the response cache (cypher/partials/graph-version.cypher).
{{> graph-version}}
RETURN graphVersion AS version
