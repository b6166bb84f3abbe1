-- serves: sdrCompFacts' meetings (commission statements, what-if) and the SDR scoreboard's meetings booked:
-- type = 'meeting' and actor_user_id in (...) and occurred_at in the months. EXPLAIN on 400k touches: a bitmap scan of
-- touchpoints_occurred_idx reading 24,800 rows of the month (73 ms) becomes an index scan of the rep's 400 meetings (2 ms).
CREATE INDEX "touchpoints_meeting_actor_idx" ON "touchpoints" USING btree ("workspace_id","actor_user_id","occurred_at","contact_id") WHERE type = 'meeting';