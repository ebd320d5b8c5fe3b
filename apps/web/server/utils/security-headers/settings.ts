import { securityHeaders, securitySettingsFrom, widgetSecurityHeaders, type SecurityHeaderSettings } from './policy';

let settings: SecurityHeaderSettings | undefined;
let baseHeaders: Array<[string, string]> | undefined;
let widgetHeaders: Array<[string, string]> | undefined;

/** The security settings of this process, from its runtime config (checked once). */
export function siteSecuritySettings(): SecurityHeaderSettings {
  if (settings) return settings;
  const config = useRuntimeConfig();
  settings = securitySettingsFrom({
    siteUrl: config.public.siteUrl,
    cmsUrl: config.public.cmsUrl,
    adminOrigin: config.adminOrigin,
    s3PublicUrl: config.public.s3PublicUrl,
    dev: import.meta.dev,
  });
  return settings;
}

/** The headers every response starts with (a page's render may replace its CSP with one that hashes its inline scripts). */
export function baseSecurityHeaders(): Array<[string, string]> {
  baseHeaders ??= Object.entries(securityHeaders(siteSecuritySettings()));
  return baseHeaders;
}

/** The headers every response of the partners' widget starts with: any site may frame it (policy.ts: widgetSecurityHeaders). */
export function widgetBaseSecurityHeaders(): Array<[string, string]> {
  widgetHeaders ??= Object.entries(widgetSecurityHeaders(siteSecuritySettings()));
  return widgetHeaders;
}
