import { describe, expect, it } from 'vitest';
import { checkImports, importSpecifiers } from '../../../scripts/boundaries';

describe('import boundaries (docs/ARCHITECTURE.md)', () => {
  it('finds every import form', () => {
    const src = `import a from 'a';\nimport type { B } from "b";\nimport 'c';\nexport { d } from './d';\nconst e = await import('e');\nconst f = require('f');\nimport {\n  g,\n} from 'g';`;
    expect(importSpecifiers(src).sort()).toEqual(['./d', 'a', 'b', 'c', 'e', 'f', 'g']);
  });

  it.each([
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';", 'Node'],
    ['shared/domain/x.ts', "import path from 'path';", 'Node'],
    ['shared/api/x.ts', "import { ipcRenderer } from 'electron';", 'electron'],
    ['shared/api/x.ts', "import { createRoot } from 'react-dom/client';", 'DOM'],
    ['shared/api/x.ts', "import { openBackend } from '../../electron/backend';", 'shared/'],
    ['electron/backend/x/y.ts', "import { app } from 'electron';", 'electron'],
    ['electron/backend/x/y.ts', "import { isAppUrl } from '../../main/policies';", 'backend'],
    ['renderer/src/x.tsx', "import { Registry } from '../../electron/backend/registry';", 'electron/'],
    ['renderer/src/x.tsx', "import { ipcRenderer } from 'electron';", 'electron'],
    ['electron/preload/index.ts', "import { z } from 'zod';", 'preload'],
  ])('%s: %s is refused', (file, source, ruleWord) => {
    const violations = checkImports(file, source);
    expect(violations).toHaveLength(1);
    expect(violations[0]?.rule).toContain(ruleWord);
  });

  it.each([
    ['shared/api/contract.ts', "import { z } from 'zod';\nimport { PRODUCT_LINES } from '../domain/lines';"],
    [
      'electron/backend/db/open.ts',
      "import Database from 'better-sqlite3';\nimport { AppError } from '../../../shared/api/errors';",
    ],
    ['electron/main/index.ts', "import { app } from 'electron';\nimport { openBackend } from '../backend';"],
    ['renderer/src/api/client.ts', "import type { Channel } from '../../../shared/api/contract';"],
    [
      'electron/preload/index.ts',
      "import { contextBridge } from 'electron';\nimport { IPC_CHANNEL } from '../../shared/api/bridge';",
    ],
  ])('%s: allowed imports pass', (file, source) => {
    expect(checkImports(file, source)).toEqual([]);
  });
});
