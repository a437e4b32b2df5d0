// HTTP for sending the notice and reading what was sent. Staff send; staff and council read the versions.
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, errorResponses, jsonContent, ZIdParam } from '../../../server/openapi.js';
import { listNoticeVersions, sendNotice } from '../notice.service.js';
import { seesRecipientAddresses } from '../policy.js';
import { ZNoticeVersion, ZSendNoticeResponse } from '../model.js';

const tags = ['Innkalling'];

export const noticeRoutes = createRouter();

noticeRoutes.openapi(createRoute({
  method: 'post', path: '/api/meetings/{id}/notice', tags, summary: 'Send innkalling (ny versjon når noe er endret)',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam },
  responses: { 201: jsonContent(ZSendNoticeResponse, 'Sendt'), ...errorResponses },
}), async (c) => {
  const result = await sendNotice(c.var.db, actorOf(currentUser(c)), { meetingId: c.req.valid('param').id, mailFrom: c.var.env.MAIL_FROM });
  return c.json(result, 201);
});

noticeRoutes.openapi(createRoute({
  method: 'get', path: '/api/meetings/{id}/notice/versions', tags, summary: 'Innkallingen slik den ble sendt, versjon for versjon',
  middleware: [requireRole('staff', 'council')] as const,
  request: { params: ZIdParam },
  responses: { 200: jsonContent(z.object({ versions: z.array(ZNoticeVersion) }), 'Versjonene, nyeste først'), ...errorResponses },
}), async (c) => {
  const versions = await listNoticeVersions(c.var.db, c.req.valid('param').id);
  // E-mail addresses are for those who send notices (as in the organisation API); council members see how many.
  const seesEmail = seesRecipientAddresses(currentUser(c));
  return c.json({ versions: versions.map((v) => ({ ...v, recipientCount: v.recipients.length, recipients: seesEmail ? v.recipients : [] })) }, 200);
});
