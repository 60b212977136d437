-- what each result's stages did ("evidence reused, match computed, verdicts computed"); the stage outputs
-- themselves are the workspace's (table stage_outputs, DatabaseStageStore), shared with iotb serve's runs
ALTER TABLE batch_result ADD COLUMN stages TEXT;
