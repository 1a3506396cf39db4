// Deletes an entity with its relationships; returns how many relationships went with it.
MATCH (n:Entity {id: $id})
WITH n, COUNT { (n)--() } AS relationships, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
DETACH DELETE n
RETURN label, relationships
