/**
 * Who may call a route. Every /api route declares `config: { access }`; the server refuses
 * to start when one does not (fail closed), and one preHandler enforces it. The kinds:
 * - 'public': no session (health, login, first-run setup, SMART Health Link recipients).
 * - 'account': any signed-in account; the handler scopes what it returns to `req.account`.
 * - 'person': `params.id` is a person id; 'person-query': `?person=` is (required).
 * - 'document' | 'resource' | 'share' | 'connection': `params.id` is one of those; access
 *   follows the person it belongs to.
 * GET/HEAD need a reading role (owner, caregiver, viewer); other methods a writing role
 * (owner, caregiver). Records the account has no role on answer 404, never 403, so ids
 * cannot be probed across households; a viewer writing gets 403.
 */
export type Access = 'public' | 'account' | 'person' | 'person-query' | 'document' | 'resource' | 'share' | 'connection';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
