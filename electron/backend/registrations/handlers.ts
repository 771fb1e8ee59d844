/** R19 channels: registrations (注册申报), the duplicate check (R19a/b) and marketing applications (营销申报). */
import { entity } from '../audit/entities';
import { defineHandlers } from '../registry';
import { addApplication, decideApplication, listApplications } from './applications';
import { declineSubmissions, fileSubmissions, listSubmissions } from './inbox';
import {
  addRegistration,
  decideRegistration,
  dupcheck,
  getRegistration,
  listRegistrations,
  releaseRegistration,
} from './service';

export const registrationHandlers = defineHandlers({
  'registrations/dupcheck': {
    kind: 'read',
    run: ({ excludeRegistrationId, ...input }, ctx) => ({ matches: dupcheck(ctx, input, excludeRegistrationId) }),
  },
  'registrations/add': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('registration', r.id) : null) },
    run: (input, ctx) => addRegistration(ctx, input, { source: 'typed' }),
  },
  'registrations/decide': {
    kind: 'write',
    audit: { entity: (i) => entity('registration', i.id) },
    run: (input, ctx) => decideRegistration(ctx, input),
  },
  'registrations/list': { kind: 'read', run: (input, ctx) => listRegistrations(ctx, input) },
  'registrations/get': { kind: 'read', run: ({ id, date }, ctx) => getRegistration(ctx, id, date) },
  'registrations/release': {
    kind: 'write',
    audit: { entity: (i) => entity('registration', i.id) },
    run: (input, ctx) => releaseRegistration(ctx, input),
  },
  'applications/add': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('application', r.id) : null) },
    run: (input, ctx) => addApplication(ctx, input),
  },
  'applications/decide': {
    kind: 'write',
    audit: { entity: (i) => entity('application', i.id) },
    run: (input, ctx) => decideApplication(ctx, input),
  },
  'applications/list': { kind: 'read', run: (input, ctx) => listApplications(ctx, input) },
  'inbox/list': { kind: 'read', run: (input, ctx) => listSubmissions(ctx, input) },
  'inbox/file': {
    kind: 'write',
    audit: { entity: (i) => entity('submission', ...i.ids.slice(0, 1)) },
    run: (input, ctx) => fileSubmissions(ctx, input),
  },
  'inbox/decline': {
    kind: 'write',
    audit: { entity: (i) => entity('submission', ...i.ids.slice(0, 1)) },
    run: (input, ctx) => declineSubmissions(ctx, input),
  },
});
