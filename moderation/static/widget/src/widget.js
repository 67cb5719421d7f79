/*
 * Moderation widget — first render (reviews summary and list, or a comment thread).
 *
 * Readable source; `python -m moderation.widget.build` writes the minified dist/widget.js that the app serves.
 * Rules this file keeps:
 *  - customer text only ever reaches the page as text nodes (append / textContent), never as HTML;
 *  - everything renders in a shadow root, styled by a constructable stylesheet (no inline <style>, so a host
 *    page with a strict CSP needs only `script-src HOST; connect-src HOST`);
 *  - the posting form is a separate chunk, imported on demand (FORM_CHUNK is replaced at build time).
 */
(() => {
  'use strict';
  const script = document.currentScript;
  const opts = script && script.dataset;
  if (!opts || !opts.site || !opts.subject) return;
  performance.mark('modw:start');

  const origin = new URL(script.src, location.href).origin;
  const api = `${origin}/api/v1/sites/${encodeURIComponent(opts.site)}`;
  const comments = opts.kind === 'comments';
  const lang = /^fr/i.test(opts.lang || document.documentElement.lang) ? 'fr' : 'en';
  const PER_PAGE = +opts.perPage || (comments ? 10 : 5);

  const plural = (n, one, many) => `${n.toLocaleString(lang)} ${n === 1 ? one : many}`;
  const STRINGS = {
    en: {
      title: comments ? 'Comments' : 'Customer reviews',
      count: (n) => plural(n, 'review', 'reviews'),
      stars: (n) => `Rated ${n} out of 5`,
      bar: (s, n) => `${plural(s, 'star', 'stars')}: ${plural(n, 'review', 'reviews')}. Show only these`,
      all: 'All ratings',
      filtered: (s) => `Showing ${s}-star reviews.`,
      sort: 'Sort by',
      // In this order: comments offer the first three, reviews the last three (see `render`).
      sorts: { oldest: 'Oldest', newest: 'Newest', helpful: 'Most helpful', lowest: 'Lowest rating' },
      helpful: (n) => `Helpful (${n})`,
      thanks: 'Thank you for your vote.',
      badge: 'Brand reply',
      edited: 'edited',
      vp: 'Verified purchase',
      prev: 'Previous',
      next: 'Next',
      pages: 'Pages',
      page: (p, n) => `Page ${p} of ${n}`,
      write: comments ? 'Add a comment' : 'Write a review',
      reply: 'Reply',
      none: comments ? 'No comments yet.' : 'No reviews yet.',
      failed: comments ? 'The comments could not be loaded.' : 'The reviews could not be loaded.',
      retry: 'Try again',
      busy: 'Too many votes; try again later.',
      report: 'Report',
      useful: 'Was this answer helpful?',
      yes: 'Yes',
      no: 'No',
      charter: 'Moderation charter',
      resp: (p, d) => `The brand answers ${p} of negative reviews${d ? `, usually within ${d}` : ''}`,
      dur: (n, days) => (n < 2 && !days ? 'an hour' : plural(n, days ? 'day' : 'hour', days ? 'days' : 'hours')),
    },
    fr: {
      title: comments ? 'Commentaires' : 'Avis clients',
      count: (n) => plural(n, 'avis', 'avis'),
      stars: (n) => `Note : ${n} sur 5`,
      bar: (s, n) => `${plural(s, 'étoile', 'étoiles')} : ${plural(n, 'avis', 'avis')}. Afficher seulement ceux-ci`,
      all: 'Toutes les notes',
      filtered: (s) => `Avis à ${s} étoiles.`,
      sort: 'Trier par',
      sorts: { oldest: 'Plus anciens', newest: 'Plus récents', helpful: 'Plus utiles', lowest: 'Note la plus basse' },
      helpful: (n) => `Utile (${n})`,
      thanks: 'Merci pour votre vote.',
      badge: 'Réponse de la marque',
      edited: 'modifié',
      vp: 'Achat vérifié',
      prev: 'Précédente',
      next: 'Suivante',
      pages: 'Pages',
      page: (p, n) => `Page ${p} sur ${n}`,
      write: comments ? 'Commenter' : 'Donner mon avis',
      reply: 'Répondre',
      none: comments ? 'Aucun commentaire pour l’instant.' : 'Aucun avis pour l’instant.',
      failed: comments ? 'Impossible de charger les commentaires.' : 'Impossible de charger les avis.',
      retry: 'Réessayer',
      busy: 'Trop de votes ; réessayez plus tard.',
      report: 'Signaler',
      useful: 'Cette réponse vous a-t-elle aidé ?',
      yes: 'Oui',
      no: 'Non',
      charter: 'Charte de modération',
      resp: (p, d) => `La marque répond à ${p} des avis négatifs${d ? `, généralement sous ${d}` : ''}`,
      dur: (n, days) => (n < 2 && !days ? 'une heure' : plural(n, days ? 'jour' : 'heure', days ? 'jours' : 'heures')),
    },
  };
  const t = STRINGS[lang];

  // One string once built (esbuild folds the concatenation): no newlines shipped. `:host{all:initial}` already
  // resets text-align and the rest the host page would pass down.
  const CSS = ':host{all:initial!important;display:block!important;visibility:visible!important}'
    + '.w{font:15px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff;padding:16px;border:1px solid #d0d7de;border-radius:8px}'
    + '*{box-sizing:border-box}'
    + 'h2{font-size:1.3em;margin:0 0 12px}h3{font-size:1em;margin:0 0 4px}'
    + 'p{margin:0 0 6px;white-space:pre-line;overflow-wrap:anywhere}'
    + 'ol{list-style:none;margin:0;padding:0}'
    + 'button,select{font:inherit;color:inherit;border:1px solid #8c959f;background:#f6f8fa;border-radius:6px;padding:4px 10px;cursor:pointer;min-height:32px}'
    + 'button:hover{background:#eaeef2}'
    + ':focus-visible{outline:3px solid #0969da;outline-offset:2px}'
    + '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}'
    + '.st{color:#9a4f00;letter-spacing:1px}'
    + '.sum{display:flex;flex-wrap:wrap;gap:16px 32px;margin-bottom:12px}'
    + '.avg{font-size:2.4em;font-weight:700;line-height:1}'
    + '.mu{color:#57606a;font-size:.9em}'
    + '.hist button{display:grid;grid-template-columns:4em 9em 3em;gap:8px;align-items:center;border:0;background:none;padding:2px 4px;min-height:24px;width:100%;text-align:start}'
    + '.hist button[aria-pressed=true]{background:#ddf4ff;font-weight:700}'
    + '.bar{height:8px;background:#eaeef2;border-radius:4px;overflow:hidden}.bar i{display:block;height:100%;background:#9a4f00}'
    + '.ctl{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0 12px}'
    + '.it .ctl{margin:4px 0 0}'
    + '.it{border-top:1px solid #d8dee4;padding:12px 0}'
    + '.it .it{border:0;border-inline-start:3px solid #d8dee4;padding:8px 0 4px 12px;margin-top:8px}'
    + '.rp{margin:8px 0 0 16px;padding:8px 12px;background:#f6f8fa;border-inline-start:3px solid #0969da;border-radius:4px}'
    + '.bd{display:inline-block;background:#0550ae;color:#fff;font-size:.8em;font-weight:700;border-radius:10px;padding:0 8px;margin-inline-end:6px}'
    + '.pg{display:flex;gap:8px;align-items:center;margin-top:12px}'
    + '.err{color:#a40e26}'
    + '.ok{background:#dafbe1;border-inline-start:3px solid #1a7f37;padding:8px 12px;border-radius:4px}'
    + '@media(pointer:coarse){button,select,a{min-height:44px!important;min-width:44px}a{display:inline-flex;align-items:center}}';

  // Tiny element builder: attributes via setAttribute, children appended as nodes or text nodes.
  const h = (tag, attrs, ...kids) => {
    const el = document.createElement(tag);
    for (const k in attrs || {}) {
      if (k.startsWith('on')) el.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] != null && attrs[k] !== false) el.setAttribute(k, attrs[k]);
    }
    el.append(...kids.flat().filter((k) => k != null && k !== false));
    return el;
  };
  const round1 = (x) => Math.round(x * 10) / 10;
  const stars = (n) =>
    h('span', { class: 'st', role: 'img', 'aria-label': t.stars(round1(n).toLocaleString(lang)) },
      '★'.repeat(Math.round(n)) + '☆'.repeat(5 - Math.round(n)));
  const date = (iso) =>
    h('time', { datetime: iso }, new Date(iso).toLocaleDateString(lang, { dateStyle: 'long' }));

  // The host: placed where the script is (or in data-target), its space reserved before any request.
  const host = document.createElement('moderation-widget');
  const target = opts.target && document.getElementById(opts.target);
  if (target) target.append(host);
  else script.before(host);
  const shadow = host.attachShadow({ mode: 'open' });
  if (shadow.adoptedStyleSheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } else shadow.append(h('style', 0, CSS));
  const root = h('div', { class: 'w', lang, 'aria-busy': 'true' });
  root.style.minHeight = opts.minHeight || (comments ? '24rem' : '34rem');
  const live = h('p', { class: 'sr', role: 'status' });
  shadow.append(root);

  const state = { page: 1, sort: comments ? 'oldest' : 'newest', rating: 0 };
  const voted = new Set();
  const storeKey = `modw:voted:${opts.site}`;
  const ansKey = `modw:ans:${opts.site}`;
  let answered = {};
  try {
    JSON.parse(localStorage.getItem(storeKey) || '[]').forEach((id) => voted.add(id));
    answered = JSON.parse(localStorage.getItem(ansKey) || '{}');
  } catch (e) {
    /* storage blocked (sandbox, privacy mode): votes are still unique server-side */
  }
  const keep = (key, value) => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* see above */
    }
  };
  let ld;
  let formChunk;
  let first = true;
  let notice = '';

  async function load() {
    const q = new URLSearchParams({ page: state.page, per_page: PER_PAGE, sort: state.sort });
    if (state.rating) q.set('rating', state.rating);
    const res = await fetch(`${api}/subjects/${encodeURIComponent(opts.subject)}?${q}`);
    if (!res.ok) throw res.status; // caught by `refresh`, which shows the failure
    return res.json();
  }

  async function refresh(focusSelector) {
    root.setAttribute('aria-busy', 'true');
    try {
      render(await load(), focusSelector);
    } catch (e) {
      root.replaceChildren(
        h('h2', 0, t.title),
        h('p', { class: 'err', role: 'alert' }, t.failed),
        h('button', { type: 'button', onclick: () => refresh() }, t.retry),
      );
    }
    root.setAttribute('aria-busy', 'false');
    // The space reserved before the first answer goes: from now on the widget is as tall as what it shows, on
    // every page (a short last page leaves no blank space under it).
    root.style.minHeight = '';
    if (first) {
      first = false;
      performance.mark('modw:render');
      host.dispatchEvent(new CustomEvent('moderation:render', { bubbles: true }));
    }
  }

  function render(data, focusSelector) {
    const agg = data.aggregate;
    const kids = [h('h2', { id: 'h' }, t.title)];
    if (!comments && agg.count) {
      kids.push(
        h('div', { class: 'sum' },
          h('div', 0,
            h('div', { class: 'avg' }, round1(agg.average).toLocaleString(lang)),
            stars(agg.average),
            h('div', { class: 'mu' }, t.count(agg.count)),
            answers(data.responsiveness)),
          h('ol', { class: 'hist' },
            [5, 4, 3, 2, 1].map((s) => {
              const n = agg.histogram[s] || 0;
              const bar = h('i');
              bar.style.width = `${agg.count ? Math.round((100 * n) / agg.count) : 0}%`;
              return h('li', 0,
                h('button', {
                  type: 'button', 'data-s': s, 'aria-pressed': String(state.rating === s), 'aria-label': t.bar(s, n),
                  onclick: () => go({ rating: state.rating === s ? 0 : s, page: 1 }, `[data-s="${s}"]`),
                },
                // The label names the button; its children are presentational (no aria-hidden needed).
                h('span', 0, `${s} ★`),
                h('span', { class: 'bar' }, bar),
                h('span', 0, n.toLocaleString(lang))));
            }))));
    }
    // Sorting: reviews newest, most helpful or lowest rating first; comments oldest, newest or most helpful.
    if (agg.count || data.total) {
      kids.push(
        h('div', { class: 'ctl' },
          h('label', { for: 'sort' }, t.sort),
          h('select', { id: 'sort', onchange: (e) => go({ sort: e.target.value, page: 1 }, '#sort') },
            Object.entries(t.sorts).slice(comments ? 0 : 1, comments ? 3 : 4).map(([v, label]) => {
              const o = h('option', { value: v }, label);
              o.selected = v === state.sort;
              return o;
            })),
          state.rating ? h('span', 0, t.filtered(state.rating)) : null,
          state.rating ? h('button', { type: 'button', id: 'all', onclick: () => go({ rating: 0, page: 1 }, '#sort') }, t.all) : null),
      );
    }
    const write = h('button', { type: 'button', id: 'write', onclick: () => openForm(write, null) }, t.write);
    kids.push(h('div', { class: 'ctl' }, write));
    if (notice) kids.push(h('p', { class: 'ok', id: 'notice', role: 'status', tabindex: '-1' }, notice));
    kids.push(data.items.length
      ? h('ol', { id: 'list', tabindex: '-1', 'aria-labelledby': 'h' }, data.items.map(item))
      : h('p', { class: 'mu' }, t.none));
    if (data.pages > 1) {
      kids.push(h('nav', { class: 'pg', 'aria-label': t.pages },
        h('button', { type: 'button', id: 'prev', disabled: data.page <= 1, onclick: () => go({ page: data.page - 1 }, '#list') }, t.prev),
        h('span', { 'aria-current': 'page' }, t.page(data.page, data.pages)),
        h('button', { type: 'button', id: 'next', disabled: data.page >= data.pages, onclick: () => go({ page: data.page + 1 }, '#list') }, t.next)));
    }
    kids.push(h('p', { class: 'mu' },
      h('a', { href: `${origin}/sites/${encodeURIComponent(opts.site)}/charter?lang=${lang}`, target: '_blank' }, t.charter)), live);
    root.replaceChildren(...kids);
    if (focusSelector) {
      const el = shadow.querySelector(focusSelector);
      if (el) el.focus();
      if (focusSelector === '#list') live.textContent = t.page(data.page, data.pages);
    }
    if (!comments) jsonLd(data);
  }

  // The site's option: how the brand answers negative reviews (its figures over the last year).
  function answers(r) {
    const f = r && r.site;
    if (!f || f.answered_share == null) return null;
    const hrs = f.median_hours_to_first_answer;
    const d = hrs == null ? '' : hrs < 48 ? t.dur(Math.max(1, Math.ceil(hrs))) : t.dur(Math.ceil(hrs / 24), 1);
    return h('p', { class: 'mu', id: 'resp' }, t.resp(f.answered_share.toLocaleString(lang, { style: 'percent' }), d));
  }

  function go(change, focusSelector) {
    notice = '';
    Object.assign(state, change);
    return refresh(focusSelector);
  }

  // Edited after posting (by its author, or the brand for a reply): said next to the date.
  const edited = (x) => (x.edited_at ? h('span', { class: 'ed' }, ` · ${t.edited}`) : '');

  function item(it) {
    const isVoted = voted.has(it.id);
    const kids = [];
    if (!comments) kids.push(stars(it.rating));
    // Customer text in its own direction, isolated: a right-to-left override in a name or a text (U+202E) cannot
    // turn the date, the badge or the next review around it.
    if (it.title) kids.push(h('h3', { dir: 'auto' }, it.title));
    kids.push(h('p', { dir: 'auto' }, it.body));
    // Posted through the shop's invitation after an order (the charter says how purchases are verified).
    kids.push(h('div', { class: 'mu' }, it.verified_purchase ? h('span', { class: 'bd' }, t.vp) : '',
      h('bdi', 0, it.author.name), ' · ', date(it.created_at), edited(it)));
    // Reviews and comments alike take helpful votes; comments are answered from the widget.
    const btn = h('button', { type: 'button', 'aria-pressed': String(isVoted), onclick: () => vote(it, btn) },
      t.helpful(it.helpful_count));
    const actions = h('div', { class: 'ctl' }, btn);
    if (comments) {
      const re = h('button', { type: 'button', onclick: () => openForm(re, it.id) }, t.reply);
      actions.append(re);
    }
    actions.append(reportButton(it.id));
    kids.push(actions);
    for (const r of it.replies || []) {
      // "Was this answer helpful?": one vote per reader; pressing the chosen answer again withdraws it.
      const yesNo = [true, false].map((v) =>
        h('button', { type: 'button', 'aria-pressed': String(answered[r.id] === v), onclick: () => rate(r.id, v, yesNo) }, v ? t.yes : t.no));
      kids.push(h('div', { class: 'rp' },
        h('div', 0, h('span', { class: 'bd' }, t.badge), h('b', 0, h('bdi', 0, r.author.name)), ' · ', date(r.created_at), edited(r)),
        h('p', { dir: 'auto' }, r.body),
        h('div', { class: 'ctl' },
          h('div', { class: 'ctl', role: 'group', 'aria-label': t.useful }, h('span', 0, t.useful), yesNo),
          reportButton(it.id, r.id))));
    }
    if (it.children && it.children.length) kids.push(h('ol', 0, it.children.map(item)));
    return h('li', { class: 'it', 'data-id': it.id }, h('article', 0, ...kids));
  }

  // A vote (helpful, or "was this answer helpful?"): 429 says so, success thanks the reader; offline, the
  // buttons stay usable.
  async function send(url, init, ok) {
    try {
      const res = await fetch(url, init);
      if (res.status === 429) live.textContent = t.busy;
      // `ok` may say something else than thanks: '' (nothing) when a vote was taken back, which the button's
      // pressed state already tells.
      if (res.ok) live.textContent = ok(await res.json()) ?? t.thanks;
    } catch (e) {
      /* offline */
    }
  }

  // Pressing a pressed "helpful" again takes the vote back (DELETE); the server says where the vote stands.
  async function vote(it, btn) {
    btn.disabled = true;
    await send(`${api}/items/${it.id}/helpful`, { method: btn.getAttribute('aria-pressed') === 'true' ? 'DELETE' : 'POST' }, (body) => {
      btn.textContent = t.helpful(body.helpful_count);
      btn.setAttribute('aria-pressed', body.voted);
      voted[body.voted ? 'add' : 'delete'](it.id);
      keep(storeKey, [...voted].slice(-500));
      if (!body.voted) return '';
    });
    btn.disabled = false;
  }

  function rate(id, v, buttons) {
    const undo = answered[id] === v;
    return send(`${api}/replies/${id}/vote`, undo ? { method: 'DELETE' } : {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ helpful: v }),
    }, ({ vote: mine }) => {
      buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(mine === !i)));
      if (mine != null) answered[id] = mine;
      else delete answered[id];
      keep(ansKey, answered);
      if (mine == null) return '';
    });
  }

  // The report form loads with the posting form's chunk, on first use.
  const chunk = () => (formChunk = formChunk || import(`${origin}/widget/${FORM_CHUNK}`));
  function reportButton(itemId, replyId) {
    const btn = h('button', {
      type: 'button',
      onclick: async () => (await chunk()).report({ api, lang, shadow, h, opener: btn, itemId, replyId }),
    }, t.report);
    return btn;
  }

  async function openForm(opener, parentId) {
    const mod = await chunk();
    mod.default({
      api, subject: opts.subject, comments, lang, shadow, opener, parentId, h,
      // After a post: the author's notice, and a published item in view. A new review or comment thread shows
      // first (page 1, newest first: the sort menu says so); a reply, on the page of the thread it answers.
      done: (published, message) => {
        if (published && !parentId) Object.assign(state, { page: 1, sort: 'newest', rating: 0 });
        notice = message;
        return refresh('#notice');
      },
    });
  }

  // schema.org JSON-LD for what this page shows: the aggregate and the reviews on screen.
  function jsonLd(data) {
    const agg = data.aggregate;
    if (!agg.count) {
      if (ld) ld.remove();
      ld = null;
      return;
    }
    ld = ld || document.head.appendChild(h('script', { type: 'application/ld+json', 'data-moderation': '' }));
    ld.textContent = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: opts.name || document.title,
      aggregateRating: { '@type': 'AggregateRating', ratingValue: round1(agg.average), reviewCount: agg.count, bestRating: 5, worstRating: 1 },
      review: data.items.map((it) => ({
        '@type': 'Review',
        author: { '@type': 'Person', name: it.author.name },
        datePublished: it.created_at.slice(0, 10),
        name: it.title || undefined,
        reviewBody: it.body,
        // Rating bounds left to schema.org's defaults (5 and 1) here; the aggregate states them.
        reviewRating: { '@type': 'Rating', ratingValue: it.rating },
      })),
    }).replace(/</g, '\\u003c');
  }

  refresh();
})();
