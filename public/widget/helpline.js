/*
 * Helpline chat widget: one file, no dependencies, no build step, no requests to other hosts.
 *
 *   <script src="https://helpline.example/widget/helpline.js" data-server="wss://helpline.example/chat"
 *           data-token="JWT" data-locale="da" data-title="Support" data-accent="#0b5cff" defer></script>
 *
 * From the page's own code (add data-mount="manual" to the tag to mount nothing by itself):
 *   Helpline.mount({ token, locale, title, accent, server })  replaces the widget; omitted keys come from the tag
 *   Helpline.destroy()  removes it: socket, timers, listeners and DOM
 *   Helpline.open() / close() / ask(text) / state()
 *   document 'helpline:welcome' event: detail {session, user: {plan, role, entitled}} from the server
 *
 * Speaks chat protocol v1 (DESIGN.md) over one WebSocket with subprotocol "helpline.v1".
 * Safety rule for the whole file: what the server (or the user) sends is data. It reaches the
 * page only through textContent / text nodes / setAttribute, and through href after an http(s)
 * check; innerHTML is never used, not even for our own markup, so there is nothing to audit.
 * The UI lives in a shadow root so host-page CSS cannot restyle it and ours cannot leak out.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------
  // 1. Pure helpers. No DOM or globals here, so node can unit-test them (export further down).
  // ---------------------------------------------------------------------------------------

  const STRINGS = {
    en: {
      title: 'Support', open: 'Open support chat', close: 'Close chat', conversation: 'Conversation',
      intro: 'Ask a question about the service. Answers come from the help center.',
      inputLabel: 'Your question', placeholder: 'Type your question…', send: 'Send',
      person: 'Talk to a person', personRequest: 'I would like to talk to a person.',
      you: 'You:', bot: 'Helpline:', typing: 'Helpline is writing a reply…',
      idle: 'Not connected', connecting: 'Connecting…', online: 'Connected', retry: 'Offline, retrying in {s} s',
      helpfulQ: 'Did this help?', helpful: 'Helpful', notHelpful: 'Not helpful', thanks: 'Thanks for your feedback.',
      readArticle: 'Read the article', suggestions: 'Suggestions',
      ticket: 'Ticket {id}', priority: 'Priority', due: 'First response by', channels: 'Reach us by',
      channelNames: { online: 'online form', chat: 'live chat', phone: 'phone' },
      selfService: 'Self-service resources', error: 'Something went wrong: {message}',
      noReply: 'No reply arrived for this.', askAgain: 'Ask again',
      newConversation: 'The earlier conversation could not be continued, so this is a new one.',
      tokenRejected: 'Your sign-in could not be verified, so you are chatting as a guest.',
    },
    da: {
      title: 'Support', open: 'Åbn supportchat', close: 'Luk chat', conversation: 'Samtale',
      intro: 'Stil et spørgsmål om tjenesten. Svarene kommer fra hjælpecentret.',
      inputLabel: 'Dit spørgsmål', placeholder: 'Skriv dit spørgsmål…', send: 'Send',
      person: 'Tal med en person', personRequest: 'Jeg vil gerne tale med en person.',
      you: 'Dig:', bot: 'Helpline:', typing: 'Helpline skriver et svar…',
      idle: 'Ikke forbundet', connecting: 'Forbinder…', online: 'Forbundet', retry: 'Offline, prøver igen om {s} s',
      helpfulQ: 'Hjalp det?', helpful: 'Ja, det hjalp', notHelpful: 'Nej, det hjalp ikke', thanks: 'Tak for din feedback.',
      readArticle: 'Læs artiklen', suggestions: 'Forslag',
      ticket: 'Sag {id}', priority: 'Prioritet', due: 'Første svar senest', channels: 'Kontakt os via',
      channelNames: { online: 'onlineformular', chat: 'livechat', phone: 'telefon' },
      selfService: 'Selvbetjening', error: 'Noget gik galt: {message}',
      noReply: 'Der kom intet svar på dette.', askAgain: 'Spørg igen',
      newConversation: 'Den tidligere samtale kunne ikke fortsættes, så dette er en ny.',
      tokenRejected: 'Dit login kunne ikke bekræftes, så du chatter som gæst.',
    },
  };
  const DEFAULT_ACCENT = '#0b5cff';
  const MAX_QUESTION = 4000; // the server's limit (ClientMessage.maximumQuestionLength)

  /** Fills "{name}" placeholders; values are inserted as plain text later, never as markup. */
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, k) => (values && k in values ? String(values[k]) : ''));
  }

  /** 'da' or 'en': the data-locale attribute if it names one, else the browser's languages. */
  function pickLocale(attribute, languages) {
    for (const candidate of [attribute].concat(languages || [])) {
      const code = String(candidate || '').toLowerCase();
      if (code.startsWith('da')) return 'da';
      if (code.startsWith('en')) return 'en';
    }
    return 'en';
  }

  /** A link target only if it is an absolute http(s) URL; anything else (javascript:, data:) is dropped. */
  function safeUrl(raw) {
    if (typeof raw !== 'string' || !/^https?:\/\//i.test(raw)) return null;
    try {
      const url = new URL(raw);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  /**
   * The accent colour if it is colour syntax and nothing else. The shape check keeps out
   * anything that could smuggle CSS (";", "}", url(), quotes); `supports` asks the browser.
   */
  function validAccent(value, supports) {
    if (typeof value !== 'string') return null;
    const v = value.trim();
    const shape = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([\d\s.,%+\-\/a-z]*\))$/i;
    if (v.length > 64 || !shape.test(v)) return null;
    if (/^(inherit|initial|unset|revert|currentcolor|transparent)$/i.test(v)) return null;
    return supports(v) ? v : null;
  }

  /** The text colour that reads best on an sRGB background (WCAG relative luminance). */
  function textOn(r, g, b) {
    const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) > 0.179 ? '#111111' : '#ffffff';
  }

  /**
   * The chat endpoint: data-server if it is a ws(s) or http(s) URL, else /chat on the host the
   * script came from (the Helpline server serves both), wss when that is https.
   */
  function serverUrl(attribute, scriptSrc, pageHref) {
    if (attribute) {
      try {
        const url = new URL(attribute, pageHref).href.replace(/^http/i, 'ws');
        if (/^wss?:/i.test(url)) return url;
      } catch (_) { /* fall back to the default below */ }
    }
    const base = new URL(scriptSrc || pageHref, pageHref);
    return (base.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + base.host + '/chat';
  }

  /** Reconnect delay: doubling from 1 s, capped at 30 s, with jitter so clients don't stampede. */
  function backoffDelay(attempt, random) {
    return Math.round(Math.min(30000, 1000 * Math.pow(2, attempt)) * (0.5 + random() / 2));
  }

  /**
   * Who a token is about (sub and account from its payload, unverified: the server verifies).
   * A stored transcript is shown only to the same person, and a refreshed token keeps it.
   */
  function tokenOwner(token, decodeBase64) {
    if (!token) return 'anonymous';
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const claims = JSON.parse(decodeBase64(payload + '==='.slice((payload.length + 3) % 4)));
      if (claims && claims.sub) return 'u:' + claims.account + '/' + claims.sub;
    } catch (_) { /* not a JWT we can read: fall back to the whole token */ }
    let hash = 0x811c9dc5; // FNV-1a, so the token itself is never stored
    for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193) >>> 0;
    return 't:' + hash.toString(16);
  }

  /** The promised first response, in the reader's time zone (or `timeZone`, for tests). */
  function formatDue(iso, locale, timeZone) {
    const date = new Date(iso);
    if (typeof iso !== 'string' || isNaN(date.getTime())) return String(iso == null ? '' : iso);
    const options = { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
    if (timeZone) options.timeZone = timeZone;
    return new Intl.DateTimeFormat(locale, options).format(date);
  }

  /** The question as sent: control characters dropped (they would bloat the JSON), length capped. */
  function cleanQuestion(text) {
    return String(text == null ? '' : text).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim().slice(0, MAX_QUESTION);
  }

  const str = (v) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const list = (v) => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);

  const pure = { STRINGS, fmt, pickLocale, safeUrl, validAccent, textOn, serverUrl, backoffDelay, tokenOwner, formatDue, cleanQuestion };
  if (typeof document === 'undefined') {
    if (typeof module === 'object' && module.exports) module.exports = pure; // node unit tests
    return;
  }

  // ---------------------------------------------------------------------------------------
  // 2. Configuration: the data-* attributes of our own <script> tag, under what
  //    Helpline.mount(options) passes.
  // ---------------------------------------------------------------------------------------

  const script = document.currentScript || document.querySelector('script[src*="helpline.js"]');
  const scriptData = Object.assign({}, (script && script.dataset) || {});
  const scriptSrc = script && script.src;
  const REPLY_TIMEOUT = 30000;
  const MAX_ENTRIES = 150;

  /** The settings of one widget: `options` (server, token, locale, title, accent) over the tag's. */
  function configure(options) {
    const data = Object.assign({}, scriptData, options);
    const locale = pickLocale(data.locale, navigator.languages || [navigator.language]);
    return {
      server: serverUrl(data.server, scriptSrc, location.href),
      token: typeof data.token === 'string' && data.token.trim() ? data.token.trim() : null,
      locale,
      accent: validAccent(data.accent, (v) => !!(window.CSS && CSS.supports && CSS.supports('color', v))) || DEFAULT_ACCENT,
      title: str(data.title).trim().slice(0, 80) || STRINGS[locale].title,
    };
  }

  // ---------------------------------------------------------------------------------------
  // 3. DOM helpers and styles, shared by every widget on the page.
  // ---------------------------------------------------------------------------------------

  /** Builds an element; strings in `children` become text nodes, `attrs` go through setAttribute. */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value == null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children || []) if (child != null) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return node;
  }
  const button = (label, onclick, attrs) => el('button', Object.assign({ type: 'button', class: 'hl-btn', onclick }, attrs), [label]);
  const link = (url, text, label) => el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': label }, [text]);

  const CSS_TEXT = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    .hl { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1f24; }
    :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    .hl-sr { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .hl-launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 56px; height: 56px;
      border: 0; border-radius: 50%; background: var(--hl-accent); color: var(--hl-on-accent); cursor: pointer;
      display: grid; place-items: center; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
    .hl-launcher svg { width: 28px; height: 28px; fill: currentColor; }
    .hl-panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483001; width: 380px;
      height: min(620px, calc(100vh - 110px)); display: flex; flex-direction: column; background: #fff;
      border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; }
    .hl-head { display: flex; align-items: center; gap: 10px; padding: 10px 12px; background: var(--hl-accent); color: var(--hl-on-accent); }
    .hl-head-text { flex: 1; min-width: 0; }
    .hl-title { margin: 0; font-size: 16px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .hl-status { font-size: 12px; }
    .hl-status::before { content: ""; display: inline-block; width: 8px; height: 8px; margin-right: 6px; border-radius: 50%; background: #9aa3ad; }
    .hl-status[data-state="online"]::before { background: #2fbf71; }
    .hl-status[data-state="retry"]::before { background: #e5484d; }
    .hl-close { width: 40px; height: 40px; border: 0; border-radius: 8px; background: transparent; color: inherit;
      font-size: 24px; line-height: 1; cursor: pointer; }
    .hl-log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; background: #f4f6f8; }
    .hl-msg { max-width: 88%; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
    .hl-user { align-self: flex-end; background: var(--hl-accent); color: var(--hl-on-accent); }
    .hl-bot { align-self: flex-start; background: #fff; border: 1px solid #d9dee3; }
    .hl-error { border-color: #e5484d; }
    .hl-note { align-self: center; max-width: 92%; font-size: 13px; color: #4a525b; text-align: center; }
    .hl-card { margin-top: 8px; padding: 8px 10px; border: 1px solid #d9dee3; border-radius: 8px; background: #f9fafb; white-space: normal; }
    .hl-card h3 { margin: 0 0 4px; font-size: 14px; }
    .hl-card p, .hl-card ul { margin: 0 0 4px; font-size: 13px; }
    .hl-card ul { padding-left: 18px; }
    .hl-meta { font-size: 12px; color: #4a525b; }
    .hl a { color: #0a4fc4; text-decoration: underline; }
    .hl-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 8px; white-space: normal; }
    .hl-btn { font: inherit; font-size: 13px; padding: 5px 11px; border: 1px solid #8c96a1; border-radius: 999px;
      background: #fff; color: #1b1f24; cursor: pointer; }
    .hl-btn:hover:not(:disabled) { background: #eaeef2; }
    .hl-btn:disabled { opacity: .6; cursor: default; }
    .hl-btn.hl-chosen { border-color: var(--hl-accent); font-weight: 600; opacity: 1; }
    .hl-typing { padding: 4px 16px 8px; background: #f4f6f8; color: #4a525b; font-size: 13px; }
    .hl-dot { display: inline-block; width: 6px; height: 6px; margin-right: 3px; border-radius: 50%; background: #8c96a1;
      animation: hl-blink 1.2s infinite; }
    .hl-dot:nth-child(2) { animation-delay: .2s; } .hl-dot:nth-child(3) { animation-delay: .4s; }
    @keyframes hl-blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
    .hl-form { display: flex; gap: 8px; padding: 10px 10px 6px; border-top: 1px solid #d9dee3; }
    .hl-input { flex: 1; min-height: 42px; max-height: 120px; resize: none; padding: 9px 10px; font: inherit; color: inherit;
      border: 1px solid #8c96a1; border-radius: 8px; }
    .hl-send { padding: 0 16px; border: 0; border-radius: 8px; background: var(--hl-accent); color: var(--hl-on-accent);
      font: inherit; font-weight: 600; cursor: pointer; }
    .hl-foot { display: flex; justify-content: flex-end; padding: 0 10px 10px; }
    @media (max-width: 480px) {
      .hl-panel { top: 0; left: 0; right: 0; bottom: 0; width: auto; height: auto; border-radius: 0; }
      .hl-msg { max-width: 94%; }
    }
    @media (prefers-reduced-motion: reduce) { .hl-dot { animation: none; opacity: .7; } }
  `;

  function chatIcon() {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(NS, 'path');
    // A speech bubble with three dots cut out of it (hence evenodd).
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z'
      + 'M7 9a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3zM12 9a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3zM17 9a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3z');
    path.setAttribute('fill-rule', 'evenodd');
    svg.append(path);
    return svg;
  }

  // ---------------------------------------------------------------------------------------
  // 4. One widget. createWidget mounts it and returns its handle; destroy() removes it
  //    completely (socket, timers, listeners, DOM), so the page can mount another.
  // ---------------------------------------------------------------------------------------

  function createWidget(config) {
    const S = STRINGS[config.locale];
    // Dates in the UI language, but in the reader's regional format when it is the same language.
    const dateLocale = String(navigator.language || '').toLowerCase().startsWith(config.locale)
      ? navigator.language : config.locale === 'da' ? 'da-DK' : 'en-GB';

    // ---------------------------------------------------------------------------------------
    // 4a. State. `st` is what survives a reload (sessionStorage, this tab only); the transcript
    //    is stored as the frames themselves and re-rendered, never as HTML.
    // ---------------------------------------------------------------------------------------

    const STORE_KEY = 'helpline.v1:' + config.server;
    const owner = tokenOwner(config.token, (s) => atob(s));
    const st = load();
    let ws = null; // the current socket; handlers of an older one check this and stand down
    let welcomed = false; // a welcome arrived on this socket: questions may go out
    let attempt = 0; // reconnects since the last welcome
    let retryTimer = 0;
    let tokenRejected = false; // after invalid_token we continue as a guest rather than loop
    let askedHere = false; // whether this socket carried a question (escalate falls back on it)
    let destroyed = false;
    let user = null; // the welcome's {plan, role, entitled}: who the server says we are
    const outbox = []; // {frame, replyId, retryText}: waits for a welcome
    const pending = new Map(); // replyTo id → {retryText, timer}: sent, reply not yet here
    const nodes = new Map(); // transcript entry → its DOM node
    const listeners = new AbortController();

    function load() {
      try {
        const saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null');
        // Another person's conversation (the token changed) is never shown.
        if (saved && saved.owner === owner && Array.isArray(saved.entries)) return saved;
      } catch (_) { /* storage blocked or corrupt: start fresh */ }
      return { owner, session: null, entries: [], seq: 0, open: false, waiting: [] };
    }

    function save() {
      // What was still unanswered is remembered, so a reload can say so instead of waiting forever.
      st.waiting = outbox.map((o) => o.retryText).concat([...pending.values()].map((p) => p.retryText));
      try { sessionStorage.setItem(STORE_KEY, JSON.stringify(st)); } catch (_) { /* quota or privacy mode */ }
    }

    const host = document.createElement('div');
    host.setAttribute('data-helpline', '');
    host.style.setProperty('--hl-accent', config.accent); // a validated colour; setProperty cannot inject rules
    const root = host.attachShadow({ mode: 'open' }); // open: automated tests may look inside
    root.append(el('style', {}, [CSS_TEXT]));

    // ---------------------------------------------------------------------------------------
    // 4b. The panel's elements.
    // ---------------------------------------------------------------------------------------

    const launcher = el('button', {
      type: 'button', class: 'hl-launcher', 'aria-label': S.open, 'aria-expanded': 'false', 'aria-controls': 'hl-panel' }, [chatIcon()]);
    const status = el('div', { class: 'hl-status', role: 'status', 'data-state': 'idle' }, [S.idle]);
    const closeButton = el('button', { type: 'button', class: 'hl-close', 'aria-label': S.close }, ['×']);
    const intro = el('p', { class: 'hl-note' }, [S.intro]);
    // role=log is polite by default; aria-live is spelled out for older screen readers.
    // tabindex: a scrollable region must be reachable by keyboard to be scrolled.
    const log = el('div', {
      class: 'hl-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': S.conversation, tabindex: '0' }, [intro]);
    const typingText = el('span', { class: 'hl-sr' });
    const typing = el('div', { class: 'hl-typing', role: 'status', hidden: true }, [
      el('span', { class: 'hl-dot', 'aria-hidden': 'true' }), el('span', { class: 'hl-dot', 'aria-hidden': 'true' }),
      el('span', { class: 'hl-dot', 'aria-hidden': 'true' }), typingText]);
    const input = el('textarea', {
      id: 'hl-input', class: 'hl-input', rows: '1', maxlength: String(MAX_QUESTION), placeholder: S.placeholder, autocomplete: 'off' });
    const form = el('form', { class: 'hl-form' }, [
      el('label', { class: 'hl-sr', for: 'hl-input' }, [S.inputLabel]), input,
      el('button', { type: 'submit', class: 'hl-send' }, [S.send])]);
    const personButton = button(S.person, () => escalate(), { disabled: true });
    // Not modal: on a desktop the page stays usable beside the panel.
    const panel = el('section', {
      id: 'hl-panel', class: 'hl-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'hl-title', hidden: true }, [
      el('header', { class: 'hl-head' }, [
        el('div', { class: 'hl-head-text' }, [el('h2', { id: 'hl-title', class: 'hl-title' }, [config.title]), status]),
        closeButton]),
      log, typing, form, el('div', { class: 'hl-foot' }, [personButton])]);
    root.append(el('div', { class: 'hl', lang: config.locale }, [launcher, panel]));

    // ---------------------------------------------------------------------------------------
    // 4c. The transcript: one entry per message, rendered from data.
    //    Entries: {k:'user', id, text, person?} · {k:'answer'|'clarify'|'escalation'|'error', f: frame, ...}
    //             · {k:'note', key, retry?} (a string key, so the note follows the UI language)
    // ---------------------------------------------------------------------------------------

    /** A message bubble with a speaker prefix for screen readers (the log is read as a list of texts). */
    function bubble(cls, speaker, children) {
      return el('div', { class: 'hl-msg ' + cls }, [el('span', { class: 'hl-sr' }, [speaker + ' '])].concat(children));
    }

    function render(entry) {
      const f = entry.f || {};
      switch (entry.k) {
        case 'user': return bubble('hl-user', S.you, [str(entry.text)]);
        case 'answer': return renderAnswer(entry, f);
        case 'clarify': {
          const choices = list(f.suggestions).map((s, i) => button(str(s.title), () => choose(entry, i),
            { disabled: entry.chosen != null, class: 'hl-btn' + (entry.chosen === i ? ' hl-chosen' : '') }));
          return bubble('hl-bot', S.bot, [str(f.text), el('div', { class: 'hl-actions', role: 'group', 'aria-label': S.suggestions }, choices)]);
        }
        case 'escalation': return renderEscalation(f);
        case 'error': return bubble('hl-bot hl-error', S.bot, [fmt(S.error, { message: str(f.message) || str(f.code) })]);
        default: // 'note'
          return el('div', { class: 'hl-note' }, [S[entry.key] || '',
            entry.retry ? el('div', { class: 'hl-actions' }, [button(S.askAgain, () => { ask(entry.retry); input.focus(); })]) : null]);
      }
    }

    function renderAnswer(entry, f) {
      const cards = list(f.articles).slice(0, 5).map((a) => {
        const url = safeUrl(a.url);
        return el('div', { class: 'hl-card' }, [
          el('h3', {}, [str(a.title)]),
          a.snippet ? el('p', {}, [str(a.snippet)]) : null,
          url ? el('p', {}, [link(url, S.readArticle, S.readArticle + ': ' + str(a.title))]) : null]);
      });
      const feedback = entry.fb ? el('p', { class: 'hl-meta' }, [S.thanks])
        : f.replyTo == null ? null // without an id the server cannot tell which answer we mean
        : el('div', { class: 'hl-actions', role: 'group', 'aria-label': S.helpfulQ }, [
          el('span', { class: 'hl-meta' }, [S.helpfulQ]),
          button(S.helpful, () => giveFeedback(entry, true)), button(S.notHelpful, () => giveFeedback(entry, false))]);
      return bubble('hl-bot', S.bot, [str(f.text)].concat(cards, [feedback]));
    }

    function renderEscalation(f) {
      let card = null;
      const t = f.ticket && typeof f.ticket === 'object' ? f.ticket : null;
      if (f.outcome === 'ticket' && t) {
        const name = (c) => (Object.prototype.hasOwnProperty.call(S.channelNames, c) ? S.channelNames[c] : str(c));
        const channels = (Array.isArray(t.channels) ? t.channels : []).map(name).join(', ');
        card = el('div', { class: 'hl-card' }, [
          el('h3', {}, [fmt(S.ticket, { id: str(t.id) })]),
          el('p', {}, [S.priority + ': ' + [str(t.priority), str(t.priorityName)].filter(Boolean).join(' · ')]),
          el('p', {}, [S.due + ': ', el('time', { datetime: str(t.responseDue) }, [formatDue(t.responseDue, dateLocale)])]),
          channels ? el('p', {}, [S.channels + ': ' + channels]) : null]);
      } else if (list(f.resources).length) {
        card = el('div', { class: 'hl-card' }, [el('h3', {}, [S.selfService]), el('ul', {}, list(f.resources).map((r) => {
          const url = safeUrl(r.url);
          return el('li', {}, [url ? link(url, str(r.title)) : str(r.title)]);
        }))]);
      }
      // The server's sentence names the due time in UTC; the reader gets it in their own time.
      const due = t && typeof t.responseDue === 'string' && t.responseDue ? t.responseDue : null;
      const text = due ? str(f.text).split(due).join(formatDue(due, dateLocale)) : str(f.text);
      return bubble('hl-bot', S.bot, [text, card]);
    }

    function append(entry) {
      st.entries.push(entry);
      while (st.entries.length > MAX_ENTRIES) {
        const old = st.entries.shift();
        if (nodes.has(old)) nodes.get(old).remove();
        nodes.delete(old);
      }
      show(entry);
      save();
    }

    function show(entry) {
      const node = render(entry);
      nodes.set(entry, node);
      log.append(node);
      intro.hidden = true;
      personButton.disabled = !lastQuestion();
      log.scrollTop = log.scrollHeight;
    }

    /** Re-renders an entry whose state changed (feedback given, suggestion chosen). */
    function refresh(entry) {
      const fresh = render(entry);
      nodes.get(entry).replaceWith(fresh);
      nodes.set(entry, fresh);
      save();
    }

    function lastQuestion() {
      for (let i = st.entries.length - 1; i >= 0; i--) if (st.entries[i].k === 'user' && !st.entries[i].person) return st.entries[i].text;
      return null;
    }

    // ---------------------------------------------------------------------------------------
    // 4d. The connection. Frames wait in the outbox until a welcome; a closed socket is
    //    reopened with backoff, and its hello names our session so the server continues it.
    // ---------------------------------------------------------------------------------------

    function helloFrame() {
      const hello = { type: 'hello', locale: config.locale };
      if (config.token && !tokenRejected) hello.token = config.token;
      if (st.session) hello.session = st.session;
      return hello;
    }

    function connect() {
      if (destroyed || ws) return;
      clearTimeout(retryTimer);
      retryTimer = 0;
      setStatus('connecting');
      let socket;
      try {
        socket = new WebSocket(config.server, 'helpline.v1');
      } catch (_) { // a malformed URL: keep trying, the status says we are offline
        return scheduleReconnect();
      }
      ws = socket;
      socket.onopen = () => { if (ws === socket) socket.send(JSON.stringify(helloFrame())); };
      socket.onmessage = (event) => { if (ws === socket && typeof event.data === 'string') receive(event.data); };
      socket.onclose = () => {
        if (ws !== socket) return;
        ws = null;
        welcomed = false;
        askedHere = false;
        // Replies are per socket: what was in flight will never arrive (1001 restarts, 1009, ...).
        for (const id of [...pending.keys()]) fail(id);
        if (!destroyed) scheduleReconnect();
      };
    }

    function scheduleReconnect() {
      const delay = backoffDelay(attempt++, Math.random);
      retryTimer = setTimeout(connect, delay);
      setStatus('retry', Math.ceil(delay / 1000));
    }

    /** Connects at once (the user is waiting on us), unless a socket is already open or opening. */
    function connectNow() {
      if (!ws && !destroyed) connect();
    }

    function setStatus(state, seconds) {
      status.setAttribute('data-state', state);
      status.textContent = state === 'retry' ? fmt(S.retry, { s: seconds }) : S[state];
    }

    function receive(text) {
      let f;
      try { f = JSON.parse(text); } catch (_) { return; }
      if (!f || typeof f !== 'object') return;
      switch (f.type) {
        case 'welcome':
          welcomed = true;
          attempt = 0;
          if (typeof f.session === 'string') st.session = f.session;
          user = f.user && typeof f.user === 'object'
            ? { plan: str(f.user.plan), role: str(f.user.role), entitled: f.user.entitled === true } : null;
          // The host page may show who the chat runs as (the demo page does); it gets data only.
          document.dispatchEvent(new CustomEvent('helpline:welcome', { detail: { session: st.session, user } }));
          setStatus('online');
          save();
          return flush();
        case 'error':
          // These two answer our hello: continue as a guest, or in a new conversation, and say so.
          if (!welcomed && f.code === 'invalid_token' && !tokenRejected) {
            tokenRejected = true;
            append({ k: 'note', key: 'tokenRejected' });
            return ws.send(JSON.stringify(helloFrame()));
          }
          if (!welcomed && f.code === 'session_not_found' && st.session) {
            startFresh();
            return ws.send(JSON.stringify(helloFrame()));
          }
          if (!welcomed) {
            // Any other failed hello: asking without one would silently drop the user's identity,
            // so say so once and retry the whole connection with backoff.
            if (attempt === 0) append({ k: 'error', f });
            return ws.close();
          }
          break;
        case 'answer': case 'clarify': case 'escalation':
          break;
        default:
          return; // a frame type from a newer protocol version: ignore it
      }
      if (f.replyTo != null) settle(str(f.replyTo));
      append({ k: f.type, f });
    }

    /** The server does not know our session (expired, or another user's): drop it and its transcript. */
    function startFresh() {
      st.session = null;
      const queued = new Set(outbox.map((o) => o.frame.id));
      // Questions still waiting to go out stay; everything else belonged to the old conversation.
      st.entries = st.entries.filter((entry) => {
        if (entry.k === 'user' && queued.has(entry.id)) return true;
        if (nodes.has(entry)) nodes.get(entry).remove();
        nodes.delete(entry);
        return false;
      });
      intro.hidden = st.entries.length > 0;
      append({ k: 'note', key: 'newConversation' });
    }

    /** Queues a frame; `replyId` is the replyTo its reply will carry (null when none is expected). */
    function request(frame, replyId, retryText) {
      outbox.push({ frame, replyId, retryText: retryText || null });
      save();
      if (welcomed && ws) flush();
      else connectNow();
    }

    function flush() {
      while (welcomed && ws && ws.readyState === WebSocket.OPEN && outbox.length) {
        const { frame, replyId, retryText } = outbox.shift();
        // After a reconnect the server has forgotten our last question: name it ourselves.
        if (frame.type === 'escalate' && !askedHere && lastQuestion()) frame.text = lastQuestion();
        if (frame.type === 'ask') askedHere = true;
        ws.send(JSON.stringify(frame));
        if (replyId) pending.set(replyId, { retryText, timer: setTimeout(() => fail(replyId), REPLY_TIMEOUT) });
      }
      updateTyping();
      save();
    }

    function settle(id) {
      const waiting = pending.get(id);
      if (waiting) clearTimeout(waiting.timer);
      pending.delete(id);
      updateTyping();
      return waiting;
    }

    function fail(id) {
      const waiting = settle(id);
      if (waiting) append({ k: 'note', key: 'noReply', retry: waiting.retryText });
    }

    function updateTyping() {
      typing.hidden = pending.size === 0;
      typingText.textContent = pending.size ? S.typing : '';
    }

    // ---------------------------------------------------------------------------------------
    // 4e. What the user does.
    // ---------------------------------------------------------------------------------------

    function nextId() {
      st.seq = (st.seq || 0) + 1;
      return 'w' + st.seq.toString(36) + '-' + Math.random().toString(36).slice(2, 6);
    }

    function ask(raw) {
      const text = cleanQuestion(raw);
      if (!text) return null;
      const id = nextId();
      append({ k: 'user', id, text });
      request({ type: 'ask', id, text }, id, text);
      return id;
    }

    function escalate() {
      if (!lastQuestion()) return null; // the server needs a question to hand to a person
      const id = nextId();
      append({ k: 'user', id, text: S.personRequest, person: true });
      request({ type: 'escalate', id }, id, null);
      input.focus();
      return id;
    }

    function giveFeedback(entry, helpful) {
      entry.fb = helpful ? 'yes' : 'no';
      refresh(entry);
      const id = str(entry.f.replyTo);
      // "Not helpful" is answered with an escalation that carries the answer's id.
      request({ type: 'feedback', replyTo: id, helpful }, helpful ? null : id, null);
      input.focus(); // the pressed button is gone; keep focus somewhere useful
    }

    function choose(entry, index) {
      const suggestion = list(entry.f.suggestions)[index];
      if (!suggestion || entry.chosen != null) return;
      entry.chosen = index;
      refresh(entry);
      ask(str(suggestion.title));
      input.focus();
    }

    function open(focus) {
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      st.open = true;
      save();
      connectNow();
      log.scrollTop = log.scrollHeight;
      if (focus !== false) input.focus();
    }

    function close() {
      panel.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      st.open = false;
      save();
      launcher.focus();
    }

    function autosize() {
      input.style.height = 'auto';
      input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px';
    }

    launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
    closeButton.addEventListener('click', close);
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') { event.stopPropagation(); close(); }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (ask(input.value)) { input.value = ''; autosize(); }
      input.focus();
    });
    input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter breaks the line; never while an IME is composing a word.
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit();
      else form.dispatchEvent(new Event('submit', { cancelable: true })); // Safari before 16
    });
    input.addEventListener('input', autosize);
    // Back online: don't sit out the rest of a long backoff.
    window.addEventListener('online', () => { if (retryTimer && !ws) connect(); }, { signal: listeners.signal });

    function destroy() {
      destroyed = true;
      clearTimeout(retryTimer);
      for (const waiting of pending.values()) clearTimeout(waiting.timer);
      listeners.abort();
      if (ws) { const socket = ws; ws = null; socket.close(1000); }
      host.remove();
    }

    // ---------------------------------------------------------------------------------------
    // 4f. Start: mount, replay the stored transcript, hand back the widget's handle.
    // ---------------------------------------------------------------------------------------

    function mount() {
      if (destroyed) return;
      document.body.append(host);
      // Text on the accent (launcher, header, user bubbles) must stay readable for any colour.
      const probe = el('span', { style: 'color: ' + config.accent });
      root.append(probe);
      const rgb = getComputedStyle(probe).color.match(/^rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/);
      probe.remove();
      host.style.setProperty('--hl-on-accent', rgb ? textOn(+rgb[1], +rgb[2], +rgb[3]) : '#ffffff');
      for (const entry of st.entries) show(entry);
      // Questions that were unanswered when the page went away: their replies are lost.
      for (const retry of st.waiting || []) append({ k: 'note', key: 'noReply', retry });
      st.waiting = [];
      save();
      if (st.open) open(false); // resume where the reader was, without stealing focus
    }

    if (document.body) mount();
    else document.addEventListener('DOMContentLoaded', mount, { once: true, signal: listeners.signal });

    return {
      open: () => open(),
      close: () => close(),
      ask: (text) => { if (panel.hidden) open(false); return ask(text); },
      state: () => ({
        connected: welcomed,
        session: st.session,
        user: user,
        locale: config.locale,
        open: !panel.hidden,
        status: status.getAttribute('data-state'),
        messages: st.entries.filter((e) => e.k !== 'note').length,
        pending: pending.size + outbox.length,
      }),
      destroy,
    };
  }

  // ---------------------------------------------------------------------------------------
  // 5. The page's handle, window.Helpline. The script tag mounts one widget by itself unless
  //    it says data-mount="manual"; Helpline.mount(options) replaces the widget with a new one
  //    (another token, locale, ...). A second copy of this script replaces the first.
  // ---------------------------------------------------------------------------------------

  let current = null;
  const Helpline = {
    /** Mounts a widget (destroying the one before): options override the tag's data-* values. */
    mount(options) {
      Helpline.destroy();
      current = createWidget(configure(options && typeof options === 'object' ? options : {}));
      return Helpline;
    },
    open: () => current && current.open(),
    close: () => current && current.close(),
    /** Asks as if typed; returns the question's id, or null (empty question or no widget). */
    ask: (text) => (current ? current.ask(text) : null),
    /** {connected, session, user, locale, open, status, messages, pending}, or null without a widget. */
    state: () => (current ? current.state() : null),
    destroy() {
      if (current) current.destroy();
      current = null;
    },
  };
  if (window.Helpline && typeof window.Helpline.destroy === 'function') window.Helpline.destroy();
  window.Helpline = Helpline;
  if (scriptData.mount !== 'manual') Helpline.mount();
})();
