/**
 * Previews waiting for the officer's decision (DOMAIN-DECISIONS "Imports"): nothing is written
 * while a preview is open; commit takes the staged rows by token. Previews expire so memory does
 * not grow.
 */

import type { ImportIssue } from '../../../shared/domain/imports/revenue-sheet';
import type { ManagerChangeRow } from '../../../shared/domain/managers/change-sheet';
import type { TemplateSubmission } from '../../../shared/domain/templates/intake';
import type { FluctuationReasonRow, UnitAnalysisTexts } from '../../../shared/domain/templates/side-sheets';
import type { BatchCells, BatchMeta } from './batches';
import type { PreviewProgress } from './pace';
import { ReadAhead } from './read-ahead';
import type { ServiceIntake } from './template-services';

export interface StagedReportSource {
  path: string;
  /** Every problem of the preview (the preview itself lists only the first 1,000). */
  issues: ImportIssue[];
  headerRows: [sheet: string, row: number][];
  sheets: { name: string; used: boolean; rows: number }[];
  /** Hidden sheets (the template's `_kam_meta` among them): never read, left out of the report. */
  hiddenSheets: string[];
}

export interface StagedImport {
  meta: Omit<BatchMeta, 'excluded'>;
  /** Valid rows, in the form the commit takes. */
  cells: BatchCells;
  /** Rows with errors, by sheet and row, excluded only if the officer says so. */
  errorRows: number;
  /** R27 reasons from a 波动原因 sheet, stored with the batch. */
  reasons?: FluctuationReasonRow[];
  /** R31 texts from a template's 经营分析 sheet, stored with the batch. */
  analysis?: UnitAnalysisTexts | null;
  /** R19 新客户申报 and 营销申报 rows for the centre's inbox. */
  submissions?: TemplateSubmission[];
  /** R30 客户经理变动 rows, applied to the register with the batch. */
  managerChanges?: ManagerChangeRow[];
  /** R22/R23/R33/R29 rows of the template's service sheets, written with the batch. */
  services?: ServiceIntake | undefined;
  /** What the error report (error-report.ts) needs: the file, every problem, each header row. */
  report?: StagedReportSource;
  expiresAt: number;
}

const TTL_MS = 30 * 60 * 1000;

export class ImportStaging {
  /** Previews under way, by the renderer's progress id (`imports/progress`). */
  readonly progress = new Map<string, PreviewProgress>();
  private readonly staged = new Map<string, StagedImport>();
  /** The next file's parse and reading, started during this file's preview (read-ahead.ts). */
  readonly ahead = new ReadAhead();

  put(token: string, value: Omit<StagedImport, 'expiresAt'>, now: number): void {
    for (const [k, v] of this.staged) if (v.expiresAt < now) this.staged.delete(k);
    this.staged.set(token, { ...value, expiresAt: now + TTL_MS });
  }

  take(token: string, now: number): StagedImport | null {
    const v = this.staged.get(token);
    if (!v || v.expiresAt < now) return null;
    return v;
  }

  drop(token: string): void {
    this.staged.delete(token);
  }
}
