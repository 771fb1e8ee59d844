/** `reports/unit-analyses`: the standing analysis (经营分析, R31) of each unit, or of one unit, for a month. */
import { AppError } from '../../../shared/api/errors';
import { defineHandlers } from '../registry';
import { unitAnalyses } from './unit-analyses';

export const unitAnalysisHandlers = defineHandlers({
  'reports/unit-analyses': {
    kind: 'read',
    run: ({ period, unitCode }, { db }) => {
      if (unitCode === undefined) return unitAnalyses(db, period, null);
      const id = db.prepare('SELECT id FROM units WHERE code = ?').pluck().get(unitCode) as number | undefined;
      if (id === undefined) {
        throw new AppError(
          'NOT_FOUND',
          { zh: `单位代码“${unitCode}”不存在`, en: `No unit has code "${unitCode}"` },
          {
            unitCode,
          },
        );
      }
      return unitAnalyses(db, period, new Set([id]));
    },
  },
});
