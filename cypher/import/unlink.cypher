// Removes one relationship of a type between two entities; returns how many were removed (0 or 1).
MATCH (:Entity {id: $fromId})-[r:$($type)]->(:Entity {id: $toId})
DELETE r
RETURN count(*) AS removed
