/*
 * The demo page: decides who chats and mounts the widget as them (Helpline.mount).
 *
 * GET /dev/token answers only on a server started with --dev; then a plan x role picker mints
 * tokens so every escalation path can be tried. Otherwise (404) the picker stays hidden and the
 * widget chats anonymously, or with a token pasted into the page. The choice lives in this tab's
 * sessionStorage, so a reload keeps the identity and with it the conversation. Everything the
 * server or a token says is shown with textContent.
 */
(function () {
  'use strict';

  const PLANS = ['free', 'pro', 'business', 'education', 'enterprise', 'api'];
  const ROLES = ['owner', 'admin', 'member'];
  const KEY = 'helpline-demo';
  const $ = (id) => document.getElementById(id);

  /** {identity: {kind: 'anonymous'} | {kind: 'dev', plan, role} | {kind: 'token', token}, locale, tab} */
  function load() {
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch (_) { /* blocked or corrupt */ }
    saved = saved && typeof saved === 'object' ? saved : {};
    return {
      identity: saved.identity && typeof saved.identity === 'object' ? saved.identity : { kind: 'anonymous' },
      locale: saved.locale === 'da' ? 'da' : 'en',
      // Users of this tab are its own: two people trying the demo don't share ticket limits.
      tab: typeof saved.tab === 'string' ? saved.tab : Math.random().toString(36).slice(2, 8),
    };
  }
  const state = load();
  let dev = false;

  function save() {
    try { sessionStorage.setItem(KEY, JSON.stringify(state)); } catch (_) { /* privacy mode */ }
  }

  function devUser(plan, role) {
    return { sub: 'demo-' + role + '-' + state.tab, account: 'demo-' + plan + '-' + state.tab };
  }

  /** GET /dev/token for plan and role: {status, token?}; status 0 when the request failed. */
  async function mint(plan, role) {
    const user = devUser(plan, role);
    const query = new URLSearchParams({ plan, role, sub: user.sub, account: user.account });
    try {
      const response = await fetch('/dev/token?' + query, { cache: 'no-store' });
      const body = response.ok ? await response.json() : null;
      return { status: response.status, token: body && typeof body.token === 'string' ? body.token : null };
    } catch (_) {
      return { status: 0, token: null };
    }
  }

  /** A token's claims, unverified (the server verifies): only to say what was pasted. */
  function claims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(part + '==='.slice((part.length + 3) % 4))) || {};
    } catch (_) {
      return {};
    }
  }

  function showIdentity() {
    const identity = state.identity;
    let name = 'anonymous';
    let detail = 'free plan, member (no token)';
    if (identity.kind === 'dev') {
      const user = devUser(identity.plan, identity.role);
      name = identity.plan + ' · ' + identity.role;
      detail = 'user ' + user.sub + ', account ' + user.account + ' (token from /dev/token)';
    } else if (identity.kind === 'token') {
      const c = claims(identity.token);
      name = 'your token';
      detail = ['plan ' + (c.plan || '?'), 'role ' + (c.role || '?'), 'user ' + (c.sub || '?')].join(', ');
    }
    $('identity-name').textContent = name;
    $('identity-detail').textContent = detail;
    $('identity-server').textContent = 'The server confirms who this is when the chat connects.';
    for (const button of document.querySelectorAll('[data-plan]')) {
      const active = identity.kind === 'dev' && button.dataset.plan === identity.plan && button.dataset.role === identity.role;
      button.setAttribute('aria-pressed', String(active));
    }
    $('picker-anonymous').setAttribute('aria-pressed', String(identity.kind === 'anonymous'));
  }

  function showError(message) {
    const error = $('identity-error');
    error.textContent = message || '';
    error.hidden = !message;
  }

  /** Mounts the widget; `open` when the reader just chose whom to chat as, so they can start typing. */
  function mountWidget(token, open) {
    window.Helpline.mount({ token: token || null, locale: state.locale });
    if (open) window.Helpline.open();
  }

  /** Switches to `identity` (minting its token when it is a dev one) and mounts the widget again. */
  async function become(identity, options) {
    const { knownToken = null, open = false } = options || {};
    showError('');
    let token = null;
    if (identity.kind === 'dev') {
      token = knownToken || (await mint(identity.plan, identity.role)).token;
      if (!token) return showError('The server did not mint a token for ' + identity.plan + ' ' + identity.role + '.');
    } else if (identity.kind === 'token') {
      token = identity.token;
    }
    state.identity = identity;
    save();
    showIdentity();
    mountWidget(token, open);
  }

  function buildPicker() {
    const rows = $('picker-rows');
    for (const plan of PLANS) {
      const row = document.createElement('tr');
      const head = document.createElement('th');
      head.scope = 'row';
      head.textContent = plan;
      row.append(head);
      for (const role of ROLES) {
        const cell = document.createElement('td');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'choice';
        button.dataset.plan = plan;
        button.dataset.role = role;
        button.textContent = role;
        button.setAttribute('aria-label', plan + ' ' + role);
        button.setAttribute('aria-pressed', 'false');
        button.addEventListener('click', () => become({ kind: 'dev', plan, role }, { open: true }));
        cell.append(button);
        row.append(cell);
      }
      rows.append(row);
    }
    $('picker-anonymous').addEventListener('click', () => become({ kind: 'anonymous' }, { open: true }));
  }

  document.addEventListener('helpline:welcome', (event) => {
    const user = event.detail && event.detail.user;
    $('identity-server').textContent = user
      ? 'The server says: plan ' + user.plan + ', role ' + user.role + ', ' + (user.entitled ? 'may open tickets.' : 'self-service only.')
      : 'Connected.';
  });

  async function start() {
    buildPicker();
    for (const radio of document.querySelectorAll('input[name="locale"]')) {
      radio.checked = radio.value === state.locale;
      radio.addEventListener('change', () => {
        state.locale = radio.value;
        save();
        const current = window.Helpline.state();
        become(state.identity, { open: !!(current && current.open) });
      });
    }
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = $('token').value.trim();
      become(token ? { kind: 'token', token } : { kind: 'anonymous' }, { open: true });
    });

    // One request tells whether this is a dev server and, for a saved dev identity, is its token.
    const saved = state.identity.kind === 'dev' && PLANS.includes(state.identity.plan) && ROLES.includes(state.identity.role)
      ? state.identity : null;
    const probe = await mint(saved ? saved.plan : 'free', saved ? saved.role : 'member');
    dev = probe.status === 200 && !!probe.token;
    $('dev-picker').hidden = !dev;
    $('no-dev').hidden = dev;
    if (saved && dev) return become(saved, { knownToken: probe.token });
    if (state.identity.kind === 'token') return become(state.identity);
    return become({ kind: 'anonymous' });
  }

  start();
})();
