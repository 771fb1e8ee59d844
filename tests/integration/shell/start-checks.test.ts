/** The decisions `npm start` takes before launching (scripts/start-checks.mjs). */
import { describe, expect, it } from 'vitest';
import { electronExecutableName, nodeVersionProblem } from '../../../scripts/start-checks.mjs';

describe('nodeVersionProblem: Electron 45’s launcher declares “>= 22.12.0”', () => {
  it.each([
    ['20.20.2', '>= 22.12.0', '≥ 22.12.0'],
    ['v20.20.2', '>= 22.12.0', '≥ 22.12.0'],
    ['22.11.9', '>= 22.12.0', '≥ 22.12.0'],
    ['22.12.0', '>= 22.12.0', null],
    ['22.12.1', '>= 22.12.0', null],
    ['23.0.0', '>= 22.12.0', null],
    ['24.11.1', '>=22.12.0', null],
    ['18.20.0', '>=20', '≥ 20'],
    ['20.0.0', '>=20', null],
    // A range of another form is not judged here.
    ['20.20.2', '^20.19.0 || >=22.12.0', null],
    ['20.20.2', 'garbage', null],
  ])('Node %s against %j → %s', (version, range, required) => {
    expect(nodeVersionProblem(version, range)).toEqual(required === null ? null : { required });
  });
});

describe('electronExecutableName', () => {
  it.each([
    ['win32', 'electron.exe'],
    ['linux', 'electron'],
    ['freebsd', 'electron'],
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
  ])('%s → %s', (platform, name) => {
    expect(electronExecutableName(platform)).toBe(name);
  });
});
