import { html } from '../html.js';
import { t } from '../support-texts.js';
import { renderPage } from './layout.view.js';

/** The sign-in form. `csrf` is the pre-session token also set as a cookie. */
export function renderLogin(params: { now: number; csrf: string; error?: string; name?: string; next?: string }): string {
  return renderPage({
    title: t('auth.title'),
    now: params.now,
    body: html`
<form method="post" action="/support/login" class="card narrow" autocomplete="on">
  <input type="hidden" name="_csrf" value="${params.csrf}">
  ${params.next ? html`<input type="hidden" name="next" value="${params.next}">` : ''}
  ${params.error ? html`<p class="error" role="alert">${params.error}</p>` : ''}
  <label>${t('auth.name')}<input name="name" autocomplete="username" required maxlength="64" value="${params.name ?? ''}" autofocus></label>
  <label>${t('auth.password')}<input name="password" type="password" autocomplete="current-password" required maxlength="256"></label>
  <button type="submit">${t('auth.signIn')}</button>
</form>`,
  });
}
