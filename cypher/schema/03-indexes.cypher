// Property indexes the queries filter on.
CREATE INDEX company_stage IF NOT EXISTS FOR (n:Company) ON (n.stage);
CREATE INDEX segment_tier IF NOT EXISTS FOR (n:Segment) ON (n.tier);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX audit_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
CREATE INDEX audit_entity IF NOT EXISTS FOR (e:AuditEvent) ON (e.entityId);
