/**
 * Where the app keeps its data when not told otherwise. Electron's main process sets its
 * userData to `defaultDataDir()` too, so the app and the command line agree without Electron.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'KAM Desk';
export const DATABASE_FILE = 'kam.sqlite';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.KAM_DB_PATH ?? join(defaultDataDir(env), DATABASE_FILE);
}
