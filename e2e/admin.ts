import { E2E_ADMIN } from './stack';

/** Logs into the CMS admin API as the e2e Super Admin; returns the JWT. */
export async function adminLogin(cmsUrl: string): Promise<string> {
  const res = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(E2E_ADMIN),
  });
  const body = (await res.json()) as { data?: { token?: string } };
  if (!res.ok || !body.data?.token) throw new Error(`[POST] "${cmsUrl}/admin/login": ${res.status} ${JSON.stringify(body)}`);
  return body.data.token;
}
