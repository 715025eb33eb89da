-- The keys of one entity: every "by or about this entity" filter (claims, events, mentions,
-- the entity's page) starts from an entity id; without this index each one scans the table.
CREATE INDEX IF NOT EXISTS entity_keys_entity ON entity_keys(entity_id);
