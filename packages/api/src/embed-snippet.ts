// The HTML an admin pastes into another site: a plain form (no script), posting to our /subscribe/embed.
import type { EmbedForm, EmbedList } from './embed-form';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: string) => value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

// ids with a prefix: the host page has its own, and two of ours must not collide with them
const ID = 'abonnement-democraties';
const FIELD =
  'display:block;width:100%;max-width:24rem;box-sizing:border-box;padding:.5rem;margin:.25rem 0 .75rem;font:inherit';

function choice(list: EmbedList): string {
  const id = `${ID}-${list.slug}`;
  const description = list.description ? `<br><small>${esc(list.description)}</small>` : '';
  return [
    `    <div style="display:flex;gap:.5rem;align-items:flex-start;margin:.25rem 0">`,
    `      <input type="checkbox" id="${esc(id)}" name="lists" value="${esc(list.slug)}" style="margin-top:.3rem">`,
    `      <label for="${esc(id)}">${esc(list.name)}${description}</label>`,
    `    </div>`,
  ].join('\n');
}

/** The snippet for the chosen lists (in the order given); every value escaped, nothing runs on the host page. */
export function embedSnippet(form: Pick<EmbedForm, 'action' | 'notice' | 'honeypot'>, lists: EmbedList[]): string {
  const trap = `${ID}-${esc(form.honeypot)}`;
  return [
    `<form action="${esc(form.action)}" method="post" accept-charset="utf-8" style="font:inherit;max-width:32rem">`,
    `  <label for="${ID}-email">Adresse e-mail</label>`,
    `  <input id="${ID}-email" name="email" type="email" autocomplete="email" required maxlength="320"`,
    `    style="${FIELD}">`,
    `  <label for="${ID}-nom">Prénom ou nom (facultatif)</label>`,
    `  <input id="${ID}-nom" name="name" type="text" autocomplete="name" maxlength="120" style="${FIELD}">`,
    `  <fieldset style="border:0;padding:0;margin:0 0 .75rem">`,
    `    <legend style="padding:0">Les lettres qui vous intéressent</legend>`,
    ...lists.map(choice),
    `  </fieldset>`,
    // the honeypot: out of sight and out of the tab order, so only robots fill it
    `  <div aria-hidden="true" style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden">`,
    `    <label for="${trap}">Ne pas remplir ce champ</label>`,
    `    <input id="${trap}" name="${esc(form.honeypot)}" type="text" tabindex="-1" autocomplete="off">`,
    `  </div>`,
    `  <p style="font-size:.875em;margin:0 0 .75rem">${esc(form.notice)}</p>`,
    `  <button type="submit" style="font:inherit;padding:.5rem 1rem;cursor:pointer">M’abonner</button>`,
    `</form>`,
    '',
  ].join('\n');
}
