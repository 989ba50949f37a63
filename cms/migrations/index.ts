import * as migration_20261123_161710_initial from './20261123_161710_initial';
import * as migration_20261123_164354_workflow from './20261123_164354_workflow';
import * as migration_20261123_164949_syndication_overrides from './20261123_164949_syndication_overrides';
import * as migration_20261123_173642_deployments_mission_sites from './20261123_173642_deployments_mission_sites';
import * as migration_20261123_184616_article_events from './20261123_184616_article_events';
import * as migration_20261123_212955_locale_parent_indexes from './20261123_212955_locale_parent_indexes';
import * as migration_20261204_011450_imp_redirects_import_source from './20261204_011450_imp_redirects_import_source';
import * as migration_20261204_011536_integrity_media_missions from './20261204_011536_integrity_media_missions';
import * as migration_20261204_011846_edge_alerts_job from './20261204_011846_edge_alerts_job';
import * as migration_20261204_011936_editors_admin_language from './20261204_011936_editors_admin_language';
import * as migration_20261204_012724_job_claims from './20261204_012724_job_claims';
import * as migration_20261204_012916_wf_workflow_pages_events from './20261204_012916_wf_workflow_pages_events';
import * as migration_20261204_015358_readers_subscriptions from './20261204_015358_readers_subscriptions';
import * as migration_20261204_023816_merged_schema from './20261204_023816_merged_schema';
import * as migration_20261204_024333_importer_actor from './20261204_024333_importer_actor';
import * as migration_20261204_041010_media_storage_prefix from './20261204_041010_media_storage_prefix';
import * as migration_20261204_041357_content_change_notifications from './20261204_041357_content_change_notifications';
import * as migration_20261204_041931_editors_workflow_notify from './20261204_041931_editors_workflow_notify';
import * as migration_20261204_042121_legal_page_kinds from './20261204_042121_legal_page_kinds';
import * as migration_20261204_042500_shared_limits_heartbeats from './20261204_042500_shared_limits_heartbeats';
import * as migration_20261204_043008_article_byline from './20261204_043008_article_byline';
import * as migration_20261204_044234_editors_planned_for from './20261204_044234_editors_planned_for';
import * as migration_20261204_051500_change_triggers_operational_tables from './20261204_051500_change_triggers_operational_tables';
import * as migration_20261204_051908_merged_schema_2 from './20261204_051908_merged_schema_2';

export const migrations = [
  {
    up: migration_20261123_161710_initial.up,
    down: migration_20261123_161710_initial.down,
    name: '20261123_161710_initial',
  },
  {
    up: migration_20261123_164354_workflow.up,
    down: migration_20261123_164354_workflow.down,
    name: '20261123_164354_workflow',
  },
  {
    up: migration_20261123_164949_syndication_overrides.up,
    down: migration_20261123_164949_syndication_overrides.down,
    name: '20261123_164949_syndication_overrides',
  },
  {
    up: migration_20261123_173642_deployments_mission_sites.up,
    down: migration_20261123_173642_deployments_mission_sites.down,
    name: '20261123_173642_deployments_mission_sites',
  },
  {
    up: migration_20261123_184616_article_events.up,
    down: migration_20261123_184616_article_events.down,
    name: '20261123_184616_article_events',
  },
  {
    up: migration_20261123_212955_locale_parent_indexes.up,
    down: migration_20261123_212955_locale_parent_indexes.down,
    name: '20261123_212955_locale_parent_indexes',
  },
  {
    up: migration_20261204_011450_imp_redirects_import_source.up,
    down: migration_20261204_011450_imp_redirects_import_source.down,
    name: '20261204_011450_imp_redirects_import_source',
  },
  {
    up: migration_20261204_011536_integrity_media_missions.up,
    down: migration_20261204_011536_integrity_media_missions.down,
    name: '20261204_011536_integrity_media_missions',
  },
  {
    up: migration_20261204_011846_edge_alerts_job.up,
    down: migration_20261204_011846_edge_alerts_job.down,
    name: '20261204_011846_edge_alerts_job',
  },
  {
    up: migration_20261204_011936_editors_admin_language.up,
    down: migration_20261204_011936_editors_admin_language.down,
    name: '20261204_011936_editors_admin_language',
  },
  {
    up: migration_20261204_012724_job_claims.up,
    down: migration_20261204_012724_job_claims.down,
    name: '20261204_012724_job_claims',
  },
  {
    up: migration_20261204_012916_wf_workflow_pages_events.up,
    down: migration_20261204_012916_wf_workflow_pages_events.down,
    name: '20261204_012916_wf_workflow_pages_events',
  },
  {
    up: migration_20261204_015358_readers_subscriptions.up,
    down: migration_20261204_015358_readers_subscriptions.down,
    name: '20261204_015358_readers_subscriptions',
  },
  {
    up: migration_20261204_023816_merged_schema.up,
    down: migration_20261204_023816_merged_schema.down,
    name: '20261204_023816_merged_schema',
  },
  {
    up: migration_20261204_024333_importer_actor.up,
    down: migration_20261204_024333_importer_actor.down,
    name: '20261204_024333_importer_actor',
  },
  {
    up: migration_20261204_041010_media_storage_prefix.up,
    down: migration_20261204_041010_media_storage_prefix.down,
    name: '20261204_041010_media_storage_prefix',
  },
  {
    up: migration_20261204_041357_content_change_notifications.up,
    down: migration_20261204_041357_content_change_notifications.down,
    name: '20261204_041357_content_change_notifications',
  },
  {
    up: migration_20261204_041931_editors_workflow_notify.up,
    down: migration_20261204_041931_editors_workflow_notify.down,
    name: '20261204_041931_editors_workflow_notify',
  },
  {
    up: migration_20261204_042121_legal_page_kinds.up,
    down: migration_20261204_042121_legal_page_kinds.down,
    name: '20261204_042121_legal_page_kinds',
  },
  {
    up: migration_20261204_042500_shared_limits_heartbeats.up,
    down: migration_20261204_042500_shared_limits_heartbeats.down,
    name: '20261204_042500_shared_limits_heartbeats',
  },
  {
    up: migration_20261204_043008_article_byline.up,
    down: migration_20261204_043008_article_byline.down,
    name: '20261204_043008_article_byline',
  },
  {
    up: migration_20261204_044234_editors_planned_for.up,
    down: migration_20261204_044234_editors_planned_for.down,
    name: '20261204_044234_editors_planned_for',
  },
  {
    up: migration_20261204_051500_change_triggers_operational_tables.up,
    down: migration_20261204_051500_change_triggers_operational_tables.down,
    name: '20261204_051500_change_triggers_operational_tables',
  },
  {
    up: migration_20261204_051908_merged_schema_2.up,
    down: migration_20261204_051908_merged_schema_2.down,
    name: '20261204_051908_merged_schema_2',
  },
];
