/** What Strapi leaves in `ctx.state.auth` once a request is authenticated. */
export interface RequestAuth {
  strategy?: { name?: string };
  credentials?: { type?: string; name?: string; expiresAt?: string | Date | null };
}

/** Strapi 5.54 names its content-API token strategy `content-api-token`; earlier 5.x releases `api-token`. */
export const API_TOKEN_STRATEGIES = ['content-api-token', 'api-token'] as const;
const TOKEN_STRATEGIES = new Set<string>(API_TOKEN_STRATEGIES);

/** Whether the request was authenticated by a content-API token (not anonymous, not a users-permissions JWT). */
export const isApiTokenAuth = (auth: RequestAuth | undefined): auth is RequestAuth & { credentials: NonNullable<RequestAuth['credentials']> } =>
  Boolean(auth?.credentials) && TOKEN_STRATEGIES.has(auth?.strategy?.name ?? '');
