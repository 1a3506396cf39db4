// Every node but the derived gap counts, whatever its label (graph, API keys, audit entries): the
// offline importer may only replace a store where this is 0 (gap counts are counted again after).
CALL () { MATCH (n) RETURN count(n) AS total }
CALL () { MATCH (n:GapCounts) RETURN count(n) AS derived }
RETURN total - derived AS nodes
