/**
 * Who the command line acts as (DOMAIN-DECISIONS "Audit log"): the officer named in KAM_OPERATOR,
 * else the backend's default. The app asks at start; a script says it once in its environment.
 */
export function cliActor(): { actor?: string } {
  const name = process.env.KAM_OPERATOR?.trim();
  return name ? { actor: name.slice(0, 20) } : {};
}
