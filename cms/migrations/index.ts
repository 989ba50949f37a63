import * as migration_20261123_161710_initial from './20261123_161710_initial';
import * as migration_20261123_165628_deployments from './20261123_165628_deployments';

export const migrations = [
  {
    up: migration_20261123_161710_initial.up,
    down: migration_20261123_161710_initial.down,
    name: '20261123_161710_initial',
  },
  {
    up: migration_20261123_165628_deployments.up,
    down: migration_20261123_165628_deployments.down,
    name: '20261123_165628_deployments'
  },
];
