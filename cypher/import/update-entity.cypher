// Replace one locked entity's properties (lock-entity.cypher), unless they are unchanged. Found
// by element id, like the lock, so the update takes no shared lock on the id's index entry.
MATCH (n) WHERE elementId(n) = $elementId
WITH n, all(k IN keys($props) WHERE n[k] = $props[k])
        AND all(k IN keys(n) WHERE k IN ['id', 'updatedAt'] OR k IN keys($props)) AS unchanged
CALL (n, unchanged) {
  WITH n WHERE NOT unchanged
  SET n = $props, n.id = $id, n.updatedAt = $now
}
RETURN unchanged
