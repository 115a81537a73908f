/*
 * Helpline review dashboard: one page for support leads, served by Helpline at /review/.
 * No dependencies, no build step, no requests to other hosts: it speaks /api/v1/ (docs/API.md)
 * with a lead's identity token and draws its charts as SVG (charts.js).
 *
 * Safety rule for the whole page: everything the server sends (questions people typed,
 * phrasings, article ids, error messages) is data. It reaches the page only as text nodes,
 * textContent or setAttribute; innerHTML is never used, so there is nothing to audit.
 */
(function () {
  'use strict';

  const TOKEN_KEY = 'helpline.review.token';
  const PRIORITY_NAMES = { 1: 'Urgent', 2: 'High', 3: 'Normal', 4: 'Low' };
  const $ = (id) => document.getElementById(id);

  /** Builds an element; strings among the children become text nodes, never markup. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = String(value);
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
    }
    return node;
  }

  const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const shortTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  /** An ISO 8601 time from the server, shown in the reader's time zone. */
  function whenLocal(iso, format) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? String(iso) : (format || localTime).format(date);
  }

  /** "2h 05m 09s", "3d 4h": a countdown that stays short as it grows. */
  function duration(totalSeconds) {
    const s = Math.max(0, Math.floor(totalSeconds));
    const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    const two = (n) => String(n).padStart(2, '0');
    if (d > 0) return `${d}d ${h}h`;
    if (h > 0) return `${h}h ${two(m)}m ${two(sec)}s`;
    return `${m}m ${two(sec)}s`;
  }

  // -------------------------------------------------------------------------------------
  // The API: one function, errors as ApiError with the server's code and message.
  // -------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  const state = { token: null, tickets: [], sequence: { groups: 0, tickets: 0, statistics: 0 } };

  async function api(path, options) {
    const { method = 'GET', body } = options || {};
    const headers = { Accept: 'application/json' };
    if (state.token) headers.Authorization = 'Bearer ' + state.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch (error) {
      throw new ApiError(0, 'network', 'The Helpline server cannot be reached.');
    }
    let data = null;
    try { data = await response.json(); } catch (error) { data = null; }
    if (!response.ok) {
      const problem = (data && data.error) || {};
      throw new ApiError(response.status, problem.code || 'http_' + response.status, problem.message || response.statusText || 'request failed');
    }
    return data;
  }

  // -------------------------------------------------------------------------------------
  // Messages and sign-in.
  // -------------------------------------------------------------------------------------

  function showAlert(text) {
    $('alert').textContent = text;
    $('alert').hidden = !text;
  }

  /** The result of an action, in a bar that stays in view wherever the reader has scrolled. */
  function showNotice(text) {
    $('notice-text').textContent = text;
    $('notice').hidden = !text;
  }

  /** Turns a failed request into a message; 401 and 403 send the reader back to sign-in. */
  function reportError(error, what) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401) {
      signOut(`Sign in again: the server did not accept this token (${error.code}: ${error.message}).`);
    } else if (error.status === 403) {
      signOut(`This token is not a support lead's: the review dashboard needs a token whose role is "lead" (${error.code}: ${error.message}).`);
    } else {
      showAlert(`${what}: ${error.message} (${error.code})`);
    }
  }

  /** What the token says about its holder, for the header only: the server decides access. */
  function tokenClaims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
    } catch (error) {
      return {};
    }
  }

  function signIn(token) {
    state.token = token.trim();
    sessionStorage.setItem(TOKEN_KEY, state.token);
    const claims = tokenClaims(state.token);
    $('who').textContent = claims.sub ? `Signed in as ${claims.sub}${claims.role ? ' (' + claims.role + ')' : ''}` : 'Signed in';
    showAlert('');
    $('sign-in').hidden = true;
    $('session').hidden = false;
    $('dashboard').hidden = false;
    refreshAll();
  }

  function signOut(message) {
    state.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    $('session').hidden = true;
    $('dashboard').hidden = true;
    $('sign-in').hidden = false;
    showNotice('');
    showAlert(message || '');
  }

  async function offerDevToken() {
    try {
      const response = await fetch('/dev/token?ttl=60', { cache: 'no-store' });
      $('dev-token').hidden = !response.ok;
    } catch (error) {
      $('dev-token').hidden = true;
    }
  }

  async function useDevToken() {
    try {
      const minted = await api('/dev/token?role=lead&sub=dashboard-lead&account=helpline-support&ttl=28800');
      signIn(minted.token);
    } catch (error) {
      reportError(error, 'No dev token');
    }
  }

  function refreshAll() {
    loadStatistics();
    loadGroups();
    loadTickets();
  }

  // -------------------------------------------------------------------------------------
  // Unanswered-question groups.
  // -------------------------------------------------------------------------------------

  async function loadGroups() {
    const sequence = ++state.sequence.groups;
    const query = new URLSearchParams({ since: $('group-since').value, status: $('group-all').checked ? 'all' : 'open' });
    if ($('group-locale').value) query.set('locale', $('group-locale').value);
    try {
      const data = await api('/api/v1/groups?' + query);
      if (sequence !== state.sequence.groups) return; // a newer filter's answer is on its way
      $('groups').replaceChildren(...data.groups.map(groupCard));
      $('groups-empty').hidden = data.groups.length > 0;
      $('groups-title').textContent = `Unanswered questions (${data.groups.length} ${data.groups.length === 1 ? 'group' : 'groups'})`;
    } catch (error) {
      reportError(error, 'Groups could not be loaded');
    }
  }

  function outcomeLabel(key) {
    return String(key).replace(/[_-]/g, ' ');
  }

  function outcomeBar(outcomes) {
    const entries = Object.entries(outcomes || {}).sort((a, b) => b[1] - a[1]);
    const total = entries.reduce((sum, [, n]) => sum + n, 0) || 1;
    return el('div', { class: 'outcomes' },
      el('div', { class: 'outcome-bar', 'aria-hidden': 'true' },
        entries.map(([key, n]) => el('span', { class: 'outcome-' + String(key).replace(/[^a-z]/g, ''), style: `flex-grow:${n / total}` }))),
      el('span', { class: 'outcome-text', text: entries.map(([key, n]) => `${outcomeLabel(key)} ${n}`).join(' · ') }));
  }

  function seenBetween(first, last) {
    const from = whenLocal(first, shortTime), to = whenLocal(last, shortTime);
    return from === to ? `Seen ${from}` : `Seen ${from} – ${to}`;
  }

  function groupCard(group) {
    const open = group.status === 'open';
    const message = el('p', { class: 'error', role: 'alert', hidden: true });
    const articleInput = el('input', {
      name: 'article', list: `articles-${group.id}`, required: true, autocomplete: 'off', spellcheck: 'false',
      placeholder: 'article id', 'aria-label': `Article that answers group ${group.id}`,
    });
    const failed = (error) => {
      if (error instanceof ApiError && error.status !== 401 && error.status !== 403) {
        message.textContent = `${error.message} (${error.code})`;
        message.hidden = false;
      } else {
        reportError(error, `Group #${group.id}`);
      }
    };
    const act = (action, body, describe) => async (event) => {
      if (event) event.preventDefault();
      message.hidden = true;
      try {
        const result = await api(`/api/v1/groups/${encodeURIComponent(group.id)}/${action}`, { method: 'POST', body });
        showNotice(describe(result));
        loadGroups();
      } catch (error) {
        failed(error);
      }
    };
    const confirmRow = el('div', { class: 'confirm', hidden: true },
      el('span', { text: `Dismiss group #${group.id}? It leaves the list.` }),
      el('button', { type: 'button', class: 'danger', 'data-action': 'confirm-dismiss', onclick: act('dismiss', undefined, () => `Group #${group.id} dismissed.`) }, 'Yes, dismiss'),
      el('button', { type: 'button', onclick: () => { confirmRow.hidden = true; } }, 'Cancel'));

    return el('li', { class: 'group' + (open ? '' : ' closed'), 'data-group': group.id },
      el('div', { class: 'group-head' },
        el('h3', {}, `#${group.id}`),
        el('span', { class: 'badge', title: 'locale' }, group.locale),
        el('span', { class: 'count' }, `${group.count} ${group.count === 1 ? 'question' : 'questions'}`),
        open ? null : el('span', { class: 'badge status' }, group.status),
        outcomeBar(group.outcomes),
        el('button', { type: 'button', class: 'link', 'data-action': 'details', onclick: () => showGroup(group.id) }, 'Details')),
      el('p', { class: 'meta' }, seenBetween(group.firstSeen, group.lastSeen)),
      el('ul', { class: 'examples' }, group.examples.map((example) => el('li', {}, example))),
      group.closestArticles.length === 0 ? el('p', { class: 'meta' }, 'No article came close.') :
        el('p', { class: 'closest' }, 'Closest articles: ',
          group.closestArticles.map((id) => (open ? el('button', {
            type: 'button', class: 'chip', title: 'Resolve with this article', onclick: () => { articleInput.value = id; articleInput.focus(); },
          }, id) : el('code', {}, id)))),
      el('datalist', { id: `articles-${group.id}` }, group.closestArticles.map((id) => el('option', { value: id }))),
      open ? el('form', { class: 'actions', onsubmit: (event) => {
        const article = articleInput.value.trim();
        return act('resolve', { article }, (r) => `Group #${group.id} resolved: ${r.aliases} phrasings are now aliases of ${r.article}.`)(event);
      } },
        articleInput,
        el('button', { type: 'submit', 'data-action': 'resolve' }, 'Resolve'),
        el('button', { type: 'button', 'data-action': 'draft', onclick: act('draft', undefined, (r) => `Group #${group.id}: draft written to ${r.path}.`) }, 'Draft'),
        el('button', { type: 'button', 'data-action': 'dismiss', onclick: () => { confirmRow.hidden = false; } }, 'Dismiss'))
        : null,
      confirmRow,
      message);
  }

  async function showGroup(id) {
    try {
      const group = await api(`/api/v1/groups/${encodeURIComponent(id)}`);
      $('detail-title').textContent = `Group #${group.id} · ${group.locale} · ${group.count} ${group.count === 1 ? 'question' : 'questions'} · ${group.status}`;
      $('detail-body').replaceChildren(
        el('h3', {}, `Phrasings (${group.phrasings.length})`),
        el('ul', { class: 'phrasings' }, group.phrasings.map((p) => el('li', {}, p))),
        el('h3', {}, 'Recent questions'),
        el('div', { class: 'scroll' }, el('table', { class: 'recent' },
          el('thead', {}, el('tr', {}, ['When', 'Question', 'Plan', 'Role', 'Outcome', 'Ticket'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, group.questions.map((q) => el('tr', {},
            el('td', {}, whenLocal(q.at)), el('td', {}, q.question), el('td', {}, q.plan || ''), el('td', {}, q.role || ''),
            el('td', {}, outcomeLabel(q.outcome || '')), el('td', {}, q.ticket || '')))))));
      $('group-detail').showModal();
    } catch (error) {
      reportError(error, `Group #${id} could not be shown`);
    }
  }

  // -------------------------------------------------------------------------------------
  // Ticket queue, with a countdown to each first-response target.
  // -------------------------------------------------------------------------------------

  async function loadTickets() {
    const sequence = ++state.sequence.tickets;
    const query = new URLSearchParams();
    if ($('ticket-status').value) query.set('status', $('ticket-status').value);
    if ($('ticket-priority').value) query.set('priority', $('ticket-priority').value);
    if ($('ticket-breaching').checked) query.set('breaching', 'true');
    try {
      const data = await api('/api/v1/tickets?' + query);
      if (sequence !== state.sequence.tickets) return;
      // The server's secondsLeft, counted down on this machine's monotonic clock, is immune
      // to a wrong clock in the reader's computer.
      const fetched = performance.now();
      state.tickets = data.tickets.map((ticket) => ({
        ticket, deadline: ticket.secondsLeft === null || ticket.secondsLeft === undefined ? null : fetched + ticket.secondsLeft * 1000,
      }));
      $('tickets').tBodies[0].replaceChildren(...state.tickets.map(ticketRow));
      $('tickets').hidden = data.tickets.length === 0;
      $('tickets-empty').hidden = data.tickets.length > 0;
      $('tickets-title').textContent = `Ticket queue (${data.tickets.length})`;
      tick();
    } catch (error) {
      reportError(error, 'Tickets could not be loaded');
    }
  }

  function ticketRow(entry) {
    const t = entry.ticket;
    entry.cell = el('span', { class: 'left' });
    return el('tr', { 'data-ticket': t.id },
      el('td', { 'data-label': 'Ticket' },
        el('span', { class: 'ticket-id' }, t.id),
        el('span', { class: `priority p${t.priority}` }, `${t.priority} ${t.priorityName || PRIORITY_NAMES[t.priority] || ''}`),
        el('span', { class: 'ticket-status' }, t.status)),
      el('td', { class: 'question', 'data-label': 'Question' }, t.question),
      el('td', { 'data-label': 'Account' }, t.account || '—', el('br'), el('span', { class: 'meta' }, [t.plan, t.role].filter(Boolean).join(' · '))),
      el('td', { class: 'due', 'data-label': 'Time left' }, entry.cell,
        el('span', { class: 'meta' }, 'due ', el('time', { datetime: t.dueAt, title: whenLocal(t.dueAt) }, whenLocal(t.dueAt, shortTime)))));
  }

  /** Updates every countdown: time left, or how late, red once the target has passed. */
  function tick() {
    const now = performance.now();
    for (const entry of state.tickets) {
      const t = entry.ticket;
      if (entry.deadline === null) {
        entry.cell.textContent = t.respondedAt ? `responded ${t.sla === 'breached' ? 'late' : 'in time'}` : t.sla;
        entry.cell.className = 'left ' + (t.sla === 'breached' ? 'breached' : 'met');
        continue;
      }
      const seconds = (entry.deadline - now) / 1000;
      entry.cell.textContent = seconds >= 0 ? `${duration(seconds)} left` : `${duration(-seconds)} overdue`;
      entry.cell.className = 'left ' + (seconds < 0 ? 'breached' : seconds < 3600 ? 'soon' : 'pending');
    }
  }

  // -------------------------------------------------------------------------------------
  // Daily figures and knowledge reload.
  // -------------------------------------------------------------------------------------

  const percent = (rate) => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`);

  async function loadStatistics() {
    const sequence = ++state.sequence.statistics;
    try {
      const data = await api('/api/v1/statistics?days=' + encodeURIComponent($('days').value));
      if (sequence !== state.sequence.statistics) return;
      const t = data.totals;
      const byPriority = [1, 2, 3, 4].map((p) => `P${p} ${(t.escalationsByPriority || {})[p] || 0}`).join(' · ');
      const figure = (name, value, detail) => el('div', { class: 'figure' }, el('dt', {}, name), el('dd', {}, value, detail ? el('small', {}, detail) : null));
      $('totals').replaceChildren(
        figure('Questions', String(t.questions)),
        figure('Answered', String(t.answered), percent(t.answerRate)),
        figure('Deflection', percent(t.deflectionRate), 'closed without a ticket'),
        figure('Escalations', String(t.escalations), byPriority),
        figure('SLA attainment', percent(t.slaAttainment), 'first responses on time'));
      // Two charts side by side when there is room for two 26rem columns (review.css).
      const room = $('charts').clientWidth;
      $('charts').replaceChildren(...window.HelplineCharts.all(data.days, room >= 2 * 416 + 16 ? (room - 16) / 2 : room));
    } catch (error) {
      reportError(error, 'Figures could not be loaded');
    }
  }

  async function reloadKnowledge() {
    const button = $('reload-knowledge');
    button.disabled = true;
    try {
      const r = await api('/api/v1/knowledge/reload', { method: 'POST' });
      $('knowledge-summary').textContent =
        `${r.files} files: ${r.added} added, ${r.updated} updated, ${r.removed} removed, ${r.unchanged} unchanged; ` +
        (r.issues.length === 0 ? 'no problems.' : `${r.issues.length} ${r.issues.length === 1 ? 'problem' : 'problems'}:`);
      $('knowledge-issues').replaceChildren(...r.issues.map((issue) => el('li', {}, issue)));
      $('knowledge-report').hidden = false;
      loadGroups();
    } catch (error) {
      reportError(error, 'Knowledge could not be reloaded');
    } finally {
      button.disabled = false;
    }
  }

  // -------------------------------------------------------------------------------------
  // Start.
  // -------------------------------------------------------------------------------------

  function start() {
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      signIn($('token').value);
      $('token').value = '';
    });
    $('dev-token').addEventListener('click', useDevToken);
    $('sign-out').addEventListener('click', () => signOut(''));
    $('refresh').addEventListener('click', refreshAll);
    $('reload-knowledge').addEventListener('click', reloadKnowledge);
    $('days').addEventListener('change', loadStatistics);
    for (const id of ['group-locale', 'group-since', 'group-all']) $(id).addEventListener('change', loadGroups);
    for (const id of ['ticket-status', 'ticket-priority', 'ticket-breaching']) $(id).addEventListener('change', loadTickets);
    for (const form of ['group-filters', 'ticket-filters']) $(form).addEventListener('submit', (event) => event.preventDefault());
    $('detail-close').addEventListener('click', () => $('group-detail').close());
    $('notice-close').addEventListener('click', () => showNotice(''));
    setInterval(tick, 1000);
    // New tickets arrive all day; the queue (not the groups, where a lead may be typing) follows.
    setInterval(() => { if (state.token && !document.hidden) loadTickets(); }, 60000);

    // A token in the fragment (never sent to servers) signs in, then leaves the address bar.
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
    if (fromHash) history.replaceState(null, '', location.pathname + location.search);
    const token = fromHash || sessionStorage.getItem(TOKEN_KEY);
    offerDevToken();
    if (token) signIn(token);
    else signOut('');
  }

  start();
})();
