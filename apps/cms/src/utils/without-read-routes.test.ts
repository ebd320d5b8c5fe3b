import { describe, expect, it } from 'vitest';
import { isReadHandler, withoutContentApiReadRoutes, type PluginWithRoutes } from './without-read-routes';

const routes = [
  { method: 'GET', path: '/users', handler: 'user.find' },
  { method: 'GET', path: '/users/:id', handler: 'user.findOne' },
  { method: 'GET', path: '/users/me', handler: 'user.me' },
  { method: 'GET', path: '/users/count', handler: 'user.count' },
  { method: 'POST', path: '/auth/local', handler: 'auth.callback' },
];

describe('withoutContentApiReadRoutes', () => {
  it('tells read handlers as Strapi\'s read-only tokens do (ends in find or findOne)', () => {
    expect(['user.find', 'content-api.findOne', 'role.find'].every(isReadHandler)).toBe(true);
    expect(['user.me', 'content-api.findPage', 'user.count', 'auth.callback', undefined, 3].some(isReadHandler)).toBe(false);
  });

  it('drops the read routes of a router factory, lazily, and keeps the rest', () => {
    let built = 0;
    const factory = () => {
      built++;
      return { type: 'content-api', routes };
    };
    const plugin: PluginWithRoutes = withoutContentApiReadRoutes({ routes: { 'admin': { type: 'admin', routes }, 'content-api': factory } });
    expect(built).toBe(0);
    const contentApi = (plugin.routes as Record<string, (...args: unknown[]) => { routes: Array<{ path: string }> }>)['content-api']!;
    expect(contentApi().routes.map((r) => r.path)).toEqual(['/users/me', '/users/count', '/auth/local']);
    // The admin router is untouched.
    expect((plugin.routes as Record<string, { routes: unknown[] }>).admin!.routes).toHaveLength(routes.length);
  });

  it('accepts a plain router object, and plugins without content-API routes', () => {
    const plugin: PluginWithRoutes = withoutContentApiReadRoutes({ routes: { 'content-api': { type: 'content-api', routes } } });
    const contentApi = (plugin.routes as Record<string, () => { routes: unknown[] }>)['content-api']!;
    expect(contentApi().routes).toHaveLength(3);
    const adminOnly = { routes: [{ handler: 'x.find' }] };
    expect(withoutContentApiReadRoutes(adminOnly)).toBe(adminOnly);
  });
});
