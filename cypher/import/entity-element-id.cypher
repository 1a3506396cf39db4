// The element id of the entity with this id. A read on its own, so its index seek takes no lock
// (a seek in a statement that writes takes a shared lock on the id's index entry, and two
// updates of one entity that each held one deadlocked when setting it).
MATCH (n:Entity {id: $id})
RETURN elementId(n) AS elementId
