import type { Lang } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { attr, html, type Html } from '../../web/html';
import type { PageContext } from '../../web/layout';
import { credentialCommonText } from './credentials.text';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';

export type CheckName = 'parse' | 'schema' | 'proof' | 'status' | 'validity' | 'issuer' | 'endorsement';

/** One check of the verifier, its message already in the reader's language. */
export interface CheckView {
  check: CheckName;
  ok: boolean | 'unknown';
  code: string;
  message: string;
}

export interface VerificationView {
  valid: boolean;
  checks: CheckView[];
  at: Date;
  /**
   * Who signed: the issuer id (what the signature binds), whether it is this platform's issuer,
   * and the name the credential gives itself (anyone can copy a name, a url, an e-mail).
   */
  signer?: { id?: string; ours: boolean; confirmed: boolean; name?: string };
}

interface ResultLike {
  valid: boolean;
  checks: Array<{ check: CheckName; ok: boolean | 'unknown'; code: string; message: { fr: string; en: string } }>;
  issuerId?: string;
  issuedByThisPlatform?: boolean;
  issuer?: Record<string, unknown>;
}

/** The verifier's result in one language (the service renders both). */
export function verificationView(result: ResultLike, lang: Lang, at = new Date()): VerificationView {
  const name = typeof result.issuer?.name === 'string' ? result.issuer.name.slice(0, 200) : undefined;
  return {
    valid: result.valid,
    at,
    checks: result.checks.map((c) => ({ check: c.check, ok: c.ok, code: c.code, message: c.message[lang] })),
    signer: {
      ...(result.issuerId ? { id: result.issuerId } : {}),
      ours: result.issuedByThisPlatform === true,
      confirmed: result.checks.some((c) => c.check === 'issuer' && c.ok === true),
      ...(name ? { name } : {}),
    },
  };
}

/**
 * Who really signed, right under the verdict. Never the self-declared name alone: the issuer id
 * always shows, and a credential from anyone else says plainly that it is not this platform's.
 */
export function signerNotice(ctx: PageContext, v: VerificationView): Html {
  const s = v.signer;
  if (!s) return html``;
  const t = textFor(credentialCommonText, ctx.lang);
  const idLine = (template: string) =>
    s.id
      ? html`<p class="signer-id">${fmt(template, { id: s.id })}</p>`
      : html`<p class="signer-id">${t.signerNoId}</p>`;
  if (s.ours) {
    return html`<div class="signer signer-ours" data-signer="this-platform">
  <p><strong>${t.signerOurs}</strong></p>${idLine(t.signerId)}</div>`;
  }
  return html`<div class="signer signer-other" role="note" data-signer="other">
  <p><strong>${t.signerOther}</strong></p>
  ${idLine(s.confirmed ? t.signerId : t.signerIdUnconfirmed)}
  ${s.name ? html`<p>${fmt(t.signerClaimsName, { name: s.name })}</p>` : ''}
</div>`;
}

export type Verdict = 'valid' | 'revoked' | 'expired' | 'invalid' | 'unknown';

export function verdictOf(v: VerificationView): Verdict {
  if (v.valid) return 'valid';
  if (v.checks.some((c) => c.code === 'VERIFY_STATUS_REVOKED' || c.code === 'VERIFY_STATUS_SUSPENDED'))
    return 'revoked';
  if (v.checks.some((c) => c.code === 'VERIFY_EXPIRED')) return 'expired';
  if (v.checks.some((c) => c.ok === false)) return 'invalid';
  return 'unknown';
}

/** The headline: valid (green), revoked/expired/invalid (red, an alert), or incomplete. */
export function verdictBanner(ctx: PageContext, v: VerificationView): Html {
  const t = textFor(credentialCommonText, ctx.lang);
  const verdict = verdictOf(v);
  const expired = v.checks.find((c) => c.code === 'VERIFY_EXPIRED');
  const [title, body] = {
    valid: [t.validTitle, t.validBody],
    revoked: [t.revokedTitle, t.revokedBody],
    expired: [t.expiredTitle, expired?.message ?? ''],
    invalid: [t.invalidTitle, t.invalidBody],
    unknown: [t.unknownTitle, t.unknownBody],
  }[verdict];
  const bad = verdict === 'revoked' || verdict === 'expired' || verdict === 'invalid';
  return html`<div class="verdict verdict-${verdict}" role="${bad ? 'alert' : 'status'}" data-verdict="${verdict}">
  <span class="verdict-icon" aria-hidden="true">${verdict === 'valid' ? '✓' : bad ? '✕' : '?'}</span>
  <div><p class="verdict-title">${title}</p><p>${body}</p></div>
</div>`;
}

/** Every check in plain words, in the verifier's order. */
export function checksList(ctx: PageContext, v: VerificationView, headingLevel: 'h2' | 'h3' = 'h3'): Html {
  const t = textFor(credentialCommonText, ctx.lang);
  const items = v.checks.map((c) => {
    const state = c.ok === true ? 'ok' : c.ok === false ? 'failed' : 'unknown';
    const word = { ok: t.checkOk, failed: t.checkFailed, unknown: t.checkUnknown }[state];
    return html`<li class="check check-${state}" data-check="${c.check}">
  <span class="check-icon" aria-hidden="true">${state === 'ok' ? '✓' : state === 'failed' ? '✕' : '?'}</span>
  <div><p class="check-name">${t[`check.${c.check}`]} <span class="pill pill-check-${state}">${word}</span></p>
  <p class="check-message">${c.message}</p></div>
</li>`;
  });
  const heading =
    headingLevel === 'h2'
      ? html`<h2 class="checks-title">${t.checksTitle}</h2>`
      : html`<h3 class="checks-title">${t.checksTitle}</h3>`;
  const checkedAt = fmt(t.checkedAt, { date: formatDateTime(v.at, ctx.lang) });
  return html`${heading}<ul class="checks">${items}</ul><p class="muted small">${checkedAt}</p>`;
}

/** The four files of a credential, same-origin, as downloads named after the badge. */
export function downloadList(
  ctx: PageContext,
  credential: { id: string; badgeKey: string },
  label?: (file: string) => string,
): Html {
  const t = textFor(credentialCommonText, ctx.lang);
  const files = [
    { ext: 'json' as const, name: t.downloadJson, hint: t.downloadJsonHint },
    { ext: 'jwt' as const, name: t.downloadJwt, hint: t.downloadJwtHint },
    { ext: 'png' as const, name: t.downloadPng, hint: t.downloadImageHint },
    { ext: 'svg' as const, name: t.downloadSvg, hint: t.downloadImageHint },
  ];
  const items = files.map((f) => {
    const aria = label ? attr` aria-label="${label(f.name)}"` : '';
    return html`<li><a class="download" href="${urls.credentialFile(credential.id, f.ext)}"
  download="badge-${credential.badgeKey}.${f.ext}" data-download="${f.ext}"${aria}><span class="download-ext"
  aria-hidden="true">${f.ext.toUpperCase()}</span><span><span class="download-name">${f.name}</span><span
  class="download-hint">${f.hint}</span></span></a></li>`;
  });
  return html`<ul class="downloads">${items}</ul>`;
}
