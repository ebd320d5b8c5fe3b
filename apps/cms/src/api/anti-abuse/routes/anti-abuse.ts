/**
 * Public endpoints the forms need before submitting: a signed form token
 * and an ALTCHA challenge. No account, no permission: `auth: false`.
 */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/form-tokens/:form',
      handler: 'api::anti-abuse.anti-abuse.formToken',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/altcha/challenge',
      handler: 'api::anti-abuse.anti-abuse.altchaChallenge',
      config: { auth: false },
    },
  ],
};
