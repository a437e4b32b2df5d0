// HTTP for project kinds, projects and their weekly status: role → cooperation → validate → service.
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { requestNow } from '../../../server/request-clock.js';
import {
  ZCreateProjectKindRequest, ZCreateProjectRequest, ZHistoryQuery, ZListProjectsQuery, ZProject, ZProjectKind, ZProjectKindList,
  ZProjectList, ZProjectWeekParam, ZSetWeekStatusRequest, ZStatusHistory, ZUpdateProjectRequest, ZWeekParam, ZWeekStatus, ZWeekTable,
} from '../model.js';
import { PORTFOLIO_EDITORS, PROJECT_READERS } from '../policy.js';
import { createProject, createProjectKind, getProject, listProjectKinds, listProjects, updateProject } from '../projects.service.js';
import { getStatusHistory, getWeekTable, setWeekStatus } from '../statuses.service.js';

const tags = ['Portefølje'];
const readers = requireRole(...PROJECT_READERS);
const editors = requireRole(...PORTFOLIO_EDITORS);

export const projectRoutes = createRouter();

projectRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/kinds', tags, summary: 'Prosjekttypene samarbeidet bruker', access: [readers, cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(ZProjectKindList, 'Prosjekttypene') },
}), async (c) => c.json({ kinds: await listProjectKinds(c.var.db, { cooperationId: c.var.cooperationId }) }, 200));

projectRoutes.openapi(route({
  method: 'post', path: '/api/portfolio/kinds', tags, summary: 'Ny prosjekttype (f.eks. byggprosjekt med ukestatus)', access: [editors, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZCreateProjectKindRequest) }, answers: { 201: jsonContent(ZProjectKind, 'Prosjekttypen') },
}), async (c) => c.json(await createProjectKind(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

projectRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/projects', tags, summary: 'Prosjektene brukeren kan se (kommunebrukere: egen kommune og «Alle»)',
  access: [readers, cooperationScope],
  request: { query: ZListProjectsQuery }, answers: { 200: jsonContent(ZProjectList, 'Prosjektene') },
}), async (c) => {
  const query = c.req.valid('query');
  const projects = await listProjects(c.var.db, currentUser(c), { cooperationId: c.var.cooperationId, kindId: query.kind, includeInactive: query.all === 'true' });
  return c.json({ projects }, 200);
});

projectRoutes.openapi(route({
  method: 'post', path: '/api/portfolio/projects', tags, summary: 'Nytt prosjekt', access: [editors, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZCreateProjectRequest) }, answers: { 201: jsonContent(ZProject, 'Prosjektet') },
}), async (c) => c.json(await createProject(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

projectRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/projects/{id}', tags, summary: 'Ett prosjekt', access: [readers],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZProject, 'Prosjektet') },
}), async (c) => c.json(await getProject(c.var.db, currentUser(c), c.req.valid('param')), 200));

projectRoutes.openapi(route({
  method: 'patch', path: '/api/portfolio/projects/{id}', tags, summary: 'Endre et prosjekt (fase, kommune, eier, investeringslinje, gevinster)', access: [editors],
  request: { params: ZIdParam, ...jsonBody(ZUpdateProjectRequest) }, answers: { 200: jsonContent(ZProject, 'Prosjektet') },
}), async (c) => c.json(await updateProject(c.var.db, actorOf(currentUser(c)), { ...c.req.valid('param'), ...c.req.valid('json') }), 200));

projectRoutes.openapi(route({
  method: 'put', path: '/api/portfolio/projects/{id}/weeks/{week}', tags, summary: 'Ukens status og kommentar for et prosjekt', access: [editors],
  request: { params: ZProjectWeekParam, ...jsonBody(ZSetWeekStatusRequest) }, answers: { 200: jsonContent(ZWeekStatus, 'Ukens status') },
}), async (c) => {
  const { id, week } = c.req.valid('param');
  return c.json(await setWeekStatus(c.var.db, actorOf(currentUser(c)), { projectId: id, week, ...c.req.valid('json'), now: requestNow(c) }), 200);
});

projectRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/weeks/{week}', tags,
  summary: 'Statustabellen for en uke («Status pågående byggprosjekter»); uoppdaterte prosjekter med forrige ukes status som utkast',
  access: [readers, cooperationScope],
  request: { params: ZWeekParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZWeekTable, 'Tabellen') },
}), async (c) => c.json(await getWeekTable(c.var.db, currentUser(c), { cooperationId: c.var.cooperationId, week: c.req.valid('param').week }), 200));

projectRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/status-history', tags, summary: 'Statushistorikk: prosjekt × uke', access: [readers, cooperationScope],
  request: { query: ZHistoryQuery }, answers: { 200: jsonContent(ZStatusHistory, 'Historikken') },
}), async (c) => {
  const { from, to } = c.req.valid('query');
  return c.json(await getStatusHistory(c.var.db, currentUser(c), { cooperationId: c.var.cooperationId, from, to }), 200);
});
