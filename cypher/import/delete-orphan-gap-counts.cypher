// Gap counts of segments that are no longer in the graph.
MATCH (counts:GapCounts)
WHERE NOT EXISTS { MATCH (:Entity:Segment {id: counts.segment}) }
DELETE counts
