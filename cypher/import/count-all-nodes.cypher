// Every node, whatever its label (graph, API keys, audit entries): the offline importer may
// only replace a store where this is 0.
MATCH (n) RETURN count(n) AS nodes
