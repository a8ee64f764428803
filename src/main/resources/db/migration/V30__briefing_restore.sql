-- A deleted briefing can be restored, like an AOI: its history records the restore.
ALTER TABLE briefing_version DROP CONSTRAINT briefing_version_operation_check;
ALTER TABLE briefing_version ADD CONSTRAINT briefing_version_operation_check
  CHECK (operation IN ('create', 'update', 'delete', 'restore'));
