/*
 * Moderation widget — the posting form, an ES module imported on demand by widget.js (never on first render).
 *
 * Client checks mirror the server's (moderation/services/submissions.py): a review needs a rating 1–5; the text
 * is 1–5000 characters and not only spaces; the title at most 200, the name 1–80 after trimming; the email is
 * optional. The server stays the judge: its 422 message is shown next to the field it names, a 429 is explained
 * kindly and the text is kept, and a held item tells its author that it awaits moderation.
 */
const LIMITS = { body: 5000, title: 200, name: 80 };
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const STRINGS = {
  en: {
    legend: (c) => (c ? 'Your comment' : 'Your review'),
    rating: 'Your rating',
    star: (n) => `${n} star${n > 1 ? 's' : ''}`,
    title: 'Title (optional)',
    body: (c) => (c ? 'Comment' : 'Review'),
    name: 'Name (shown)',
    email: 'Email (optional, never shown)',
    notify: 'Email me when the brand answers or a moderator decides (you confirm your address first)',
    needEmail: 'Give your email to be told.',
    submit: 'Publish',
    cancel: 'Cancel',
    sending: 'Sending…',
    need: { rating: 'Choose a rating from 1 to 5 stars.', body: 'Write a few words.', name: 'Give a name to show.' },
    tooLong: (n) => `At most ${n} characters.`,
    badEmail: 'This email address does not look valid.',
    published: (c) => (c ? 'Thank you! Your comment is published.' : 'Thank you! Your review is published.'),
    held: 'Thank you: your text will be published once a moderator has read it.',
    slow: (m) =>
      `You have posted several times in a short while. Please wait ${m} and try again: your text is still here.`,
    minutes: (m) => (m > 1 ? `${m} minutes` : 'a minute'),
    failed: 'Sending failed. Check your connection and try again: your text is still here.',
    fix: 'Please correct the marked fields.',
  },
  fr: {
    legend: (c) => (c ? 'Votre commentaire' : 'Votre avis'),
    rating: 'Votre note',
    star: (n) => `${n} étoile${n > 1 ? 's' : ''}`,
    title: 'Titre (facultatif)',
    body: (c) => (c ? 'Commentaire' : 'Avis'),
    name: 'Nom (affiché)',
    email: 'E-mail (facultatif, jamais affiché)',
    notify: 'Me prévenir par e-mail d’une réponse ou d’une décision (vous confirmez d’abord votre adresse)',
    needEmail: 'Indiquez votre e-mail pour être prévenu(e).',
    submit: 'Publier',
    cancel: 'Annuler',
    sending: 'Envoi…',
    need: { rating: 'Choisissez une note de 1 à 5 étoiles.', body: 'Écrivez quelques mots.', name: 'Indiquez un nom à afficher.' },
    tooLong: (n) => `${n} caractères au plus.`,
    badEmail: 'Cette adresse e-mail ne semble pas valide.',
    published: (c) => (c ? 'Merci ! Votre commentaire est publié.' : 'Merci ! Votre avis est publié.'),
    held: 'Merci : votre texte sera publié dès qu’un modérateur l’aura lu.',
    slow: (m) =>
      `Vous avez publié plusieurs fois en peu de temps. Merci d’attendre ${m} avant de réessayer : votre texte est conservé.`,
    minutes: (m) => (m > 1 ? `${m} minutes` : 'une minute'),
    failed: 'L’envoi a échoué. Vérifiez votre connexion et réessayez : votre texte est conservé.',
    fix: 'Merci de corriger les champs signalés.',
  },
};

// The server names fields as in the API; the form's inputs carry these keys.
const FIELD_OF = { rating: 'rating', title: 'title', body: 'body', 'author.name': 'name', 'author.email': 'email', 'author.notify': 'email' };

const CSS = `form{margin:8px 0 12px;padding:12px;border:1px solid #d0d7de;border-radius:8px;background:#f6f8fa}
fieldset{border:0;margin:0 0 10px;padding:0}legend,label{display:block;font-weight:600;margin-bottom:4px}
input:not([type=radio]),textarea{display:block;width:100%;font:inherit;color:#1f2328;background:#fff;border:1px solid #8c959f;border-radius:6px;padding:6px 8px}
textarea{min-height:7em;resize:vertical}
.f{margin-bottom:10px}
.rate{display:flex;gap:2px}
.rate label{position:relative;display:flex;align-items:center;justify-content:center;font-size:1.6em;line-height:1;color:#57606a;margin:0;padding:0 2px;border-radius:4px}
.rate label.on{color:#9a4f00}
.rate input{position:absolute;inset:0;margin:0;appearance:none;background:none;border:0;border-radius:4px;cursor:pointer}
input:focus,textarea:focus{outline:3px solid #0969da;outline-offset:2px}
@media(pointer:coarse){input,.rate label{min-height:44px;min-width:44px}}
[aria-invalid=true]{border-color:#a40e26!important}
.err:empty{display:none}
.row{display:flex;gap:8px}
.ck{display:flex;gap:6px;align-items:flex-start}.ck input{display:inline;width:auto}.ck label{font-weight:400}
.pri{background:#1f6feb;color:#fff;border-color:#1f6feb}.pri:hover{background:#0969da}`;

let sheetAdded = false;
let openForm = null;

// One form open at a time (posting or reporting); opening the same one again only moves focus back to it.
function reuse(shadow, opener) {
  if (!sheetAdded) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    sheetAdded = true;
  }
  if (openForm && openForm.isConnected && openForm.opener === opener) {
    openForm.querySelector('input,textarea').focus();
    return true;
  }
  if (openForm) openForm.remove();
  return false;
}

export default function openPostingForm(ctx) {
  const { h, shadow, opener, comments, lang } = ctx;
  const t = STRINGS[lang];
  if (reuse(shadow, opener)) return;

  const uid = `f${Math.random().toString(36).slice(2, 8)}`;
  const errors = {};
  const inputs = {};
  const field = (key, label, control) => {
    control.id = `${uid}-${key}`;
    errors[key] = h('p', { class: 'err', id: `${uid}-${key}-e` });
    control.setAttribute('aria-describedby', errors[key].id);
    control.addEventListener('input', () => setError(key, ''));
    inputs[key] = control;
    return h('div', { class: 'f' }, h('label', { for: control.id }, label), control, errors[key]);
  };
  const setError = (key, message) => {
    errors[key].textContent = message;
    const target = key === 'rating' ? ratingSet : inputs[key];
    if (message) target.setAttribute('aria-invalid', 'true');
    else target.removeAttribute('aria-invalid');
  };

  // Rating: a native radio group (arrow keys, one tab stop), stars drawn by the labels.
  let ratingSet = null;
  const radios = [];
  if (!comments) {
    const labels = [1, 2, 3, 4, 5].map((n) => {
      // The radio is a transparent box over its star (not a 1 px hidden input): it takes the click, and the
      // focus ring drawn around it is seen, after a Tab as after a refused submit.
      const radio = h('input', { type: 'radio', name: `${uid}-rating`, value: n });
      radios.push(radio);
      return h('label', { title: t.star(n) }, radio, h('span', { 'aria-hidden': 'true' }, '☆'), h('span', { class: 'sr' }, t.star(n)));
    });
    // Chosen stars differ by shape (★ / ☆), not by colour alone.
    const paint = () => {
      const v = rating();
      labels.forEach((l, i) => {
        l.classList.toggle('on', i < v);
        l.children[1].textContent = i < v ? '★' : '☆';
      });
      setError('rating', '');
    };
    radios.forEach((r) => r.addEventListener('change', paint));
    errors.rating = h('p', { class: 'err', id: `${uid}-rating-e` });
    ratingSet = h('fieldset', { 'aria-describedby': errors.rating.id },
      h('legend', 0, t.rating), h('div', { class: 'rate' }, labels), errors.rating);
  }
  const rating = () => +(radios.find((r) => r.checked) || { value: 0 }).value;

  const status = h('p', { class: 'err', role: 'alert' });
  const notify = h('input', { type: 'checkbox', id: `${uid}-notify` });
  const submit = h('button', { type: 'submit', class: 'pri' }, t.submit);
  const form = h('form', { novalidate: '', 'aria-label': t.legend(comments) },
    ratingSet,
    !comments && field('title', t.title, h('input', { type: 'text', maxlength: LIMITS.title, autocomplete: 'off' })),
    field('body', t.body(comments), h('textarea', { maxlength: LIMITS.body, required: '' })),
    field('name', t.name, h('input', { type: 'text', maxlength: LIMITS.name, autocomplete: 'nickname', required: '' })),
    field('email', t.email, h('input', { type: 'email', autocomplete: 'email' })),
    // Consent to mail (issue #14): unticked by default; the server asks the address to confirm first.
    h('div', { class: 'f ck' }, notify, h('label', { for: notify.id }, t.notify)),
    status,
    h('div', { class: 'row' }, submit, h('button', { type: 'button', onclick: close }, t.cancel)),
  );
  form.opener = opener;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  opener.parentNode.after(form);
  openForm = form;
  (radios[0] || inputs.body).focus();

  function close() {
    form.remove();
    openForm = null;
    if (opener.isConnected) opener.focus();
  }

  function check() {
    const problems = {};
    const body = inputs.body.value;
    const name = inputs.name.value.trim();
    const email = inputs.email.value.trim();
    if (!comments && !rating()) problems.rating = t.need.rating;
    if (!comments && inputs.title.value.trim().length > LIMITS.title) problems.title = t.tooLong(LIMITS.title);
    if (!body.trim()) problems.body = t.need.body;
    else if (body.length > LIMITS.body) problems.body = t.tooLong(LIMITS.body);
    if (!name) problems.name = t.need.name;
    else if (name.length > LIMITS.name) problems.name = t.tooLong(LIMITS.name);
    if (email && !EMAIL_RE.test(email)) problems.email = t.badEmail;
    else if (notify.checked && !email) problems.email = t.needEmail;
    return problems;
  }

  function show(problems) {
    const keys = Object.keys(problems);
    for (const key of Object.keys(errors)) setError(key, problems[key] || '');
    status.textContent = keys.length ? t.fix : '';
    if (keys.length) (keys[0] === 'rating' ? radios[0] : inputs[keys[0]]).focus();
    return keys.length === 0;
  }

  // A server refusal in the page's language when we know its code, else the server's own words.
  function serverMessage(err) {
    if (lang === 'en' || !err) return err && err.message;
    const key = FIELD_OF[err.field];
    if (err.code === 'too_long') return t.tooLong(LIMITS[key] || '');
    if (err.code === 'invalid_email') return t.badEmail;
    if (err.code === 'required' || err.code === 'invalid_rating') return t.need[key] || err.message;
    return err.message;
  }

  async function send() {
    if (!show(check())) return;
    const payload = {
      kind: comments ? 'comment' : 'review',
      body: inputs.body.value,
      author: { name: inputs.name.value.trim() },
      lang,
    };
    if (!comments) {
      payload.rating = rating();
      if (inputs.title.value.trim()) payload.title = inputs.title.value.trim();
    }
    if (inputs.email.value.trim()) {
      payload.author.email = inputs.email.value.trim();
      if (notify.checked) payload.author.notify = true;
    }
    if (ctx.parentId) payload.parent_id = ctx.parentId;

    submit.disabled = true;
    submit.textContent = t.sending;
    form.setAttribute('aria-busy', 'true');
    let res;
    let body = {};
    try {
      res = await fetch(`${ctx.api}/subjects/${encodeURIComponent(ctx.subject)}/items`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      body = await res.json().catch(() => ({}));
    } catch (e) {
      res = null;
    }
    submit.disabled = false;
    submit.textContent = t.submit;
    form.removeAttribute('aria-busy');

    if (res && res.status === 202) {
      form.remove();
      openForm = null;
      const published = body.status === 'published';
      ctx.done(published, published ? t.published(comments) : t.held);
      return;
    }
    if (res && res.status === 429) {
      const seconds = +res.headers.get('Retry-After') || 60;
      status.textContent = t.slow(t.minutes(Math.ceil(seconds / 60)));
      return;
    }
    const err = body.error;
    const key = err && FIELD_OF[err.field];
    if (res && key && errors[key]) {
      show({ [key]: serverMessage(err) });
      return;
    }
    status.textContent = (res && serverMessage(err)) || t.failed;
  }
}

/*
 * The report form (notice and action): a reason from the list, optional details, an optional e-mail to hear that
 * the report arrived and what came of it. Mirrors services/reports.py: a reason is required, details ≤ 1000.
 */
const REPORT = {
  en: {
    legend: 'Why do you report this?',
    reasons: {
      abuse: 'Insults, harassment or hate',
      spam: 'Advertising or spam',
      personal_data: 'Personal data (address, phone…)',
      off_topic: 'Off topic',
      illegal: 'Illegal content',
      other: 'Another reason',
    },
    text: 'Details (optional)',
    email: 'Email (optional): to hear the outcome',
    send: 'Send the report',
    need: 'Choose a reason.',
    done: 'Thank you: a moderator will look at it. Nothing is hidden on a report alone.',
    form: 'Report',
  },
  fr: {
    legend: 'Pourquoi signalez-vous ce texte ?',
    reasons: {
      abuse: 'Insultes, harcèlement ou haine',
      spam: 'Publicité ou spam',
      personal_data: 'Données personnelles (adresse, téléphone…)',
      off_topic: 'Hors sujet',
      illegal: 'Contenu illicite',
      other: 'Autre raison',
    },
    text: 'Précisions (facultatif)',
    email: 'E-mail (facultatif) : pour connaître la suite',
    send: 'Envoyer le signalement',
    need: 'Choisissez un motif.',
    done: 'Merci : un modérateur va l’examiner. Rien n’est masqué sur un simple signalement.',
    form: 'Signalement',
  },
};

export function report(ctx) {
  const { h, shadow, opener, lang } = ctx;
  const t = STRINGS[lang];
  const r = REPORT[lang];
  if (reuse(shadow, opener)) return;
  const uid = `r${Math.random().toString(36).slice(2, 8)}`;
  const err = (key) => h('p', { class: 'err', id: `${uid}-${key}-e` });
  const errors = { reason: err('reason'), text: err('text'), email: err('email') };
  const radios = Object.entries(r.reasons).map(([value, label]) => {
    const radio = h('input', { type: 'radio', name: `${uid}-reason`, value, id: `${uid}-${value}` });
    radio.addEventListener('change', () => set('reason', ''));
    return h('div', { class: 'ck' }, radio, h('label', { for: radio.id }, label));
  });
  const reasons = h('fieldset', { 'aria-describedby': errors.reason.id }, h('legend', 0, r.legend), radios, errors.reason);
  const text = h('textarea', { id: `${uid}-text`, maxlength: 1000, 'aria-describedby': errors.text.id });
  const email = h('input', { type: 'email', id: `${uid}-email`, autocomplete: 'email', 'aria-describedby': errors.email.id });
  const inputs = { reason: reasons, text, email };
  const status = h('p', { class: 'err', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'pri' }, r.send);
  const form = h('form', { novalidate: '', 'aria-label': r.form },
    reasons,
    h('div', { class: 'f' }, h('label', { for: text.id }, r.text), text, errors.text),
    h('div', { class: 'f' }, h('label', { for: email.id }, r.email), email, errors.email),
    status,
    h('div', { class: 'row' }, submit, h('button', { type: 'button', onclick: close }, t.cancel)));
  form.opener = opener;
  form.addEventListener('keydown', (e) => e.key === 'Escape' && close());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  opener.parentNode.after(form);
  openForm = form;
  form.querySelector('input').focus();

  function set(key, message) {
    errors[key].textContent = message;
    if (message) inputs[key].setAttribute('aria-invalid', 'true');
    else inputs[key].removeAttribute('aria-invalid');
  }

  function close() {
    form.remove();
    openForm = null;
    if (opener.isConnected) opener.focus();
  }

  function show(key, message) {
    set(key, message);
    status.textContent = t.fix;
    (key === 'reason' ? form.querySelector('input') : inputs[key]).focus();
  }

  async function send() {
    const chosen = form.querySelector('input[type=radio]:checked');
    const address = email.value.trim();
    for (const key in errors) set(key, '');
    status.textContent = '';
    if (!chosen) return show('reason', r.need);
    if (address && !EMAIL_RE.test(address)) return show('email', t.badEmail);
    const payload = { reason: chosen.value, lang };
    if (text.value.trim()) payload.text = text.value.trim();
    if (address) payload.email = address;
    if (ctx.replyId) payload.reply_id = ctx.replyId;
    submit.disabled = true;
    let res;
    let body = {};
    try {
      res = await fetch(`${ctx.api}/items/${ctx.itemId}/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      body = await res.json().catch(() => ({}));
    } catch (e) {
      res = null;
    }
    submit.disabled = false;
    if (res && res.status === 202) {
      const done = h('p', { class: 'ok', role: 'status', tabindex: '-1' }, r.done);
      form.replaceWith(done);
      openForm = null;
      done.focus();
      return;
    }
    if (res && res.status === 429) {
      status.textContent = t.slow(t.minutes(Math.ceil((+res.headers.get('Retry-After') || 60) / 60)));
      return;
    }
    const e = body.error;
    if (res && e && errors[e.field]) return show(e.field, e.code === 'too_long' ? t.tooLong(1000) : lang === 'en' ? e.message : e.field === 'email' ? t.badEmail : r.need);
    status.textContent = (res && e && e.message) || t.failed;
  }
}
