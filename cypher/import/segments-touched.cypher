// Which segments' gap counts (refresh-gap-counts.cypher) a change of these relationships may
// alter, read before the change: $relationships as {type, from, to}, and every relationship of
// the entity $entityId (one being deleted; null for none). Null when it may alter every
// segment's: a WITHIN moves whole regions under others. Each relationship alters only what its
// ends take part in, by its type:
//   SUPPLIES      the seller's segments (its supplies count as inbound to the segments it sells from);
//   OPERATES_IN   the segment (its sellers) and the segments that feed it (its buyers);
//   LOCATED_IN    every role of the located end: its segments and those feeding them, the
//                 segments of the technologies it uses or needs, and of those its people are expert in;
//   EXPERT_IN, USES, NEEDS   the segments of the technology;
//   WORKS_AT      the segments of the technologies the person is expert in;
//   APPLIES_TO    the segment; FEEDS the feeding segment.
// Other types (MEMBER_OF, TARGETS, …) are not counted. A superset is safe: it only recounts more.
CALL () {
  UNWIND $relationships AS relationship
  RETURN relationship
 UNION ALL
  MATCH (e:Entity {id: $entityId})-[r]-()
  RETURN {type: type(r), from: startNode(r).id, to: endNode(r).id} AS relationship
}
WITH collect(relationship) AS relationships
CALL (relationships) {
  UNWIND relationships AS r
  MATCH (x:Entity {id: r.from}), (y:Entity {id: r.to})
  CALL (r, x, y) {
    WITH r, x WHERE r.type = 'SUPPLIES'
    MATCH (x)-[:OPERATES_IN]->(s:Segment)
    RETURN s
   UNION
    WITH r, y WHERE r.type = 'OPERATES_IN'
    MATCH (s:Segment)-[:FEEDS*0..1]->(y)
    RETURN s
   UNION
    WITH r, x WHERE r.type = 'LOCATED_IN'
    MATCH (x)-[:OPERATES_IN]->(:Segment)<-[:FEEDS*0..1]-(s:Segment)
    RETURN s
   UNION
    WITH r, x WHERE r.type = 'LOCATED_IN'
    MATCH (x)-[:USES|NEEDS]->()-[:APPLIES_TO]->(s:Segment)
    RETURN s
   UNION
    WITH r, x WHERE r.type = 'LOCATED_IN'
    MATCH (x)<-[:WORKS_AT]-()-[:EXPERT_IN]->()-[:APPLIES_TO]->(s:Segment)
    RETURN s
   UNION
    WITH r, y WHERE r.type IN ['EXPERT_IN', 'USES', 'NEEDS']
    MATCH (y)-[:APPLIES_TO]->(s:Segment)
    RETURN s
   UNION
    WITH r, x WHERE r.type = 'WORKS_AT'
    MATCH (x)-[:EXPERT_IN]->()-[:APPLIES_TO]->(s:Segment)
    RETURN s
   UNION
    WITH r, y WHERE r.type = 'APPLIES_TO' AND y:Segment
    RETURN y AS s
   UNION
    WITH r, x WHERE r.type = 'FEEDS' AND x:Segment
    RETURN x AS s
  }
  RETURN collect(DISTINCT s.id) AS segments
}
RETURN CASE WHEN any(r IN relationships WHERE r.type = 'WITHIN') THEN null ELSE segments END AS segments
