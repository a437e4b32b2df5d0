// Who may do what in the portfolio. The cooperation's staff keep projects, statuses and procurements;
// the council reads everything; a municipality user reads the projects of their own municipality and
// those that serve every member («Alle»), and no procurements (a procurement's evaluation is the
// cooperation's until the award is public). A project someone may not see answers 404.
import { eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Role, SessionUser } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import { portfolioProjects } from './schema.js';

/** The roles that edit the portfolio (requireRole admits admin as well). */
export const PORTFOLIO_EDITORS = ['staff'] as const satisfies readonly Role[];
/** The roles that read projects and their statuses. */
export const PROJECT_READERS = ['staff', 'council', 'municipality'] as const satisfies readonly Role[];
/** The roles that read procurements and the investment projects' figures. */
export const PROCUREMENT_READERS = ['staff', 'council'] as const satisfies readonly Role[];
export const FIGURE_READERS = PROCUREMENT_READERS;
/**
 * The roles that read the innovation pipeline and its cost splits: the cooperation and the council.
 * A municipality user does not (yet): a split names every member's part, which is the council's paper.
 */
export const PIPELINE_READERS = PROCUREMENT_READERS;

export const editsPortfolio = (user: SessionUser) => user.role === 'admin' || user.role === 'staff';

/** The WHERE clause limiting a project query to what the user may see; null means every project. */
export function visibleProjects(user: SessionUser): SQL | null {
  if (user.role === 'admin' || user.role === 'staff' || user.role === 'council') return null;
  if (user.role !== 'municipality' || !user.municipalityId) throw forbidden();
  return or(isNull(portfolioProjects.municipalityId), eq(portfolioProjects.municipalityId, user.municipalityId))!;
}
