-- A skip whose reason may have gone (a time budget overrun under load, a missing model or
-- gazetteer, an internal error, a limit the user may raise) is tried again by the next build
-- although its input is unchanged; what reading an input repaired (bytes replaced, NULs
-- removed, an unclosed <script> taken out) is kept beside it.
ALTER TABLE inputs ADD COLUMN retry INTEGER NOT NULL DEFAULT 0;
ALTER TABLE inputs ADD COLUMN note TEXT;
CREATE INDEX inputs_skipped ON inputs (status) WHERE status = 'skipped';
