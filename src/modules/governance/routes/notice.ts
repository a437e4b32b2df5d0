// HTTP for sending the notice and reading what was sent. Staff send; staff and council read the versions.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { listNoticeVersions, sendNotice } from '../notice.service.js';
import { seesRecipientAddresses } from '../policy.js';
import { ZNoticeVersion, ZSendNoticeRequest, ZSendNoticeResponse } from '../model.js';

const tags = ['Innkalling'];

export const noticeRoutes = createRouter();

noticeRoutes.openapi(route({
  method: 'post', path: '/api/meetings/{id}/notice', tags, summary: 'Send innkalling (ny versjon når noe er endret)', access: [requireRole('staff')],
  // The body is optional: only a notice that reaches someone on paper has anything to say in it.
  request: { params: ZIdParam, body: { content: { 'application/json': { schema: ZSendNoticeRequest } }, required: false } },
  answers: { 201: jsonContent(ZSendNoticeResponse, 'Sendt') },
}), async (c) => {
  const result = await sendNotice(c.var.db, actorOf(currentUser(c)), {
    meetingId: c.req.valid('param').id, mailFrom: c.var.env.MAIL_FROM, files: c.var.files, ...c.req.valid('json'),
  });
  return c.json(result, 201);
});

noticeRoutes.openapi(route({
  method: 'get', path: '/api/meetings/{id}/notice/versions', tags, summary: 'Innkallingen slik den ble sendt, versjon for versjon',
  access: [requireRole('staff', 'council')],
  request: { params: ZIdParam }, answers: { 200: jsonContent(z.object({ versions: z.array(ZNoticeVersion) }), 'Versjonene, nyeste først') },
}), async (c) => {
  const versions = await listNoticeVersions(c.var.db, c.req.valid('param').id);
  // E-mail addresses are for those who send notices (as in the organisation API); council members see how many.
  const seesEmail = seesRecipientAddresses(currentUser(c));
  return c.json({ versions: versions.map((v) => ({ ...v, recipientCount: v.recipients.length, recipients: seesEmail ? v.recipients : [] })) }, 200);
});
