// How many nodes a truncated supply chain really has (asked only when the view was cut);
// distinct end nodes first, filters after, so the expand is the pruning one.
MATCH (focus:Entity {id: $id})
CALL (focus) {
  MATCH (focus:Company)<-[:SUPPLIES*1..{{depth}}]-(n)
  WITH DISTINCT n
  WHERE $upstream AND n <> focus
    AND ($regionId IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..6]->(:Region {id: $regionId}) })
    AND ($clusterId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Cluster {id: $clusterId}) })
  RETURN count(n) AS upCompanies
}
CALL (focus) {
  MATCH (focus:Company)-[:SUPPLIES*1..{{depth}}]->(n)
  WITH DISTINCT n
  WHERE $downstream AND n <> focus
    AND ($regionId IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..6]->(:Region {id: $regionId}) })
    AND ($clusterId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Cluster {id: $clusterId}) })
  RETURN count(n) AS downCompanies
}
RETURN upCompanies + downCompanies + 1 AS total
