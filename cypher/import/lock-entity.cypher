// One entity's kind label and properties, write-locked until its transaction ends: an update
// merges its input into properties no other writer can change before it commits. Found by
// element id (entity-element-id.cypher), not by an index seek that would lock the id's entry.
MATCH (n) WHERE elementId(n) = $elementId
SET n._locked = true
REMOVE n._locked
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
