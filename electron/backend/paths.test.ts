import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DIR_NAME, DATABASE_FILE, defaultDatabasePath, defaultDataDir } from './paths';

describe('defaultDataDir', () => {
  it('uses %APPDATA% on Windows, with a fallback under the home folder', () => {
    expect(defaultDataDir({ APPDATA: 'C:/Users/officer/AppData/Roaming' }, 'win32')).toBe(
      join('C:/Users/officer/AppData/Roaming', 'KAM Desk'),
    );
    expect(defaultDataDir({}, 'win32')).toBe(join(homedir(), 'AppData', 'Roaming', 'KAM Desk'));
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'KAM Desk'));
  });

  it('uses $XDG_CONFIG_HOME or ~/.config elsewhere', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/tmp/xdg' }, 'linux')).toBe(join('/tmp/xdg', 'KAM Desk'));
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'KAM Desk'));
  });
});

describe('defaultDatabasePath', () => {
  it('is kam.sqlite in the data folder unless KAM_DB_PATH says otherwise', () => {
    expect(APP_DIR_NAME).toBe('KAM Desk');
    expect(DATABASE_FILE).toBe('kam.sqlite');
    expect(defaultDatabasePath({ KAM_DB_PATH: '/data/kam-test.sqlite' })).toBe('/data/kam-test.sqlite');
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/tmp/xdg' })).toBe(
      join(defaultDataDir({ XDG_CONFIG_HOME: '/tmp/xdg' }), 'kam.sqlite'),
    );
  });
});
