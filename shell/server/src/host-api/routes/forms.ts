/**
 * `POST /forms/:formId` (`form.submit`): stores a form submission of the widget in the village, also
 * from nobody signed in, rate-limited per widget and user (or address).
 */
import { checkFormId, MAX_JSON_BODY_BYTES } from '@cunmen/host-api';
import type { FastifyInstance } from 'fastify';
import {
  callOf,
  check,
  dataText,
  type HostRoutesContext,
  hostRoute,
  inDivision,
  jsonBody,
  limited,
  newId,
} from '../context.js';

export function formRoutes(api: FastifyInstance, ctx: HostRoutesContext): void {
  const { host, limits } = ctx;
  const options = {
    config: limited(limits.submissionsPerMinute),
    bodyLimit: Math.max(MAX_JSON_BODY_BYTES, limits.docBytes * 2),
  };
  hostRoute<{ formId: string }>(api, 'forms.submit', options, async (request, reply) => {
    const call = callOf(request);
    inDivision(call);
    const formId = request.params.formId;
    check(checkFormId(formId));
    const data = dataText(jsonBody(request.body, ['data']), limits.docBytes);
    const receipt = { id: newId(), receivedAt: new Date().toISOString() };
    await host.saveSubmission({
      ...receipt,
      village: call.village,
      widget: call.widget,
      widgetVersion: call.version,
      formId,
      data,
      userId: call.user?.id ?? null,
    });
    return reply.code(201).send(receipt);
  });
}
