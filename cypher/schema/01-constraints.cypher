// Every node carries :Entity besides its kind label, so any id resolves with one index lookup;
// ids are unique per kind label (DESIGN §3) and, through :Entity, across the whole graph.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT lab_id IF NOT EXISTS FOR (n:Lab) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT talent_id IF NOT EXISTS FOR (n:Talent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT technology_id IF NOT EXISTS FOR (n:Technology) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chain_id IF NOT EXISTS FOR (n:Chain) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (n:Segment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT cluster_id IF NOT EXISTS FOR (n:Cluster) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT incubator_id IF NOT EXISTS FOR (n:Incubator) REQUIRE n.id IS UNIQUE;
// The one GraphMeta node (mark-written.cypher) is also the lock WITHIN writes take: unique, so two
// first writes cannot each create one.
CREATE CONSTRAINT graph_meta_id IF NOT EXISTS FOR (m:GraphMeta) REQUIRE m.id IS UNIQUE;
// One GapCounts node a segment (cypher/import/refresh-gap-counts.cypher), found by its segment's id.
CREATE CONSTRAINT gap_counts_segment IF NOT EXISTS FOR (g:GapCounts) REQUIRE g.segment IS UNIQUE;
