// Auth's mail, as GoTrue sends it: one template per kind (`[auth.email.template.<type>]` in config.toml, with
// GoTrue's default subject when none is given), the variables GoTrue's templates see ({{ .ConfirmationURL }},
// {{ .Token }}, {{ .TokenHash }}, {{ .SiteURL }}, {{ .RedirectTo }}, {{ .Email }}, {{ .Data.<key> }}), sent over
// SMTP with `nodemailer` (maintained, and it gets MIME encoding, headers and the SMTP dialogue right; sending
// through a hand-written SMTP client would repeat all of it). Locally the SMTP server is the stack's catcher.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import nodemailer from 'nodemailer';
import { projectRoot, StackError } from '../../config.ts';
import type { EmailSettings, EmailTemplateType } from './settings.ts';

export interface TemplateData {
  ConfirmationURL: string;
  Token: string;
  TokenHash: string;
  SiteURL: string;
  RedirectTo: string;
  Email: string;
  Data: Record<string, unknown>;
}

export interface Mailer {
  send(type: EmailTemplateType, to: string, data: TemplateData): Promise<void>;
}

/** GoTrue's default subjects. */
const defaultSubjects: Record<EmailTemplateType, string> = {
  invite: "You've been invited",
  confirmation: 'Confirm your email address',
  recovery: 'Reset your password',
  magic_link: 'Your sign-in link',
  email_change: 'Confirm your new email address',
  reauthentication: '{{ .Token }} is your verification code',
};

/** Short bodies for a kind config.toml gives no template for (the project gives one for each kind it sends). */
const defaultBodies: Record<EmailTemplateType, string> = {
  invite: '<h2>You have been invited</h2><p><a href="{{ .ConfirmationURL }}">Accept the invitation</a></p>',
  confirmation: '<h2>Confirm your email address</h2><p><a href="{{ .ConfirmationURL }}">Confirm your email address</a></p>',
  recovery: '<h2>Reset your password</h2><p><a href="{{ .ConfirmationURL }}">Reset your password</a></p>',
  magic_link: '<h2>Your sign-in link</h2><p><a href="{{ .ConfirmationURL }}">Sign in</a></p>',
  email_change: '<h2>Confirm your new email address</h2><p><a href="{{ .ConfirmationURL }}">Confirm the change</a></p>',
  reauthentication: '<h2>Confirm it is you</h2><p>Enter this code: {{ .Token }}</p>',
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[character] ?? character);

const placeholder = /\{\{-?\s*(.*?)\s*-?\}\}/g;
const variable = /^\.(ConfirmationURL|Token|TokenHash|SiteURL|RedirectTo|Email|Data(?:\.[A-Za-z_][A-Za-z0-9_]*)?)$/;

/**
 * A Go template with variables only: GoTrue's templates are Go's html/template, and ours use no `if` or `range`;
 * anything else is refused when the stack starts, naming the file, instead of being sent half-rendered.
 */
export function checkTemplate(text: string, source: string): void {
  for (const match of text.matchAll(placeholder)) {
    if (!variable.test(match[1] ?? '')) {
      throw new StackError(`${source}: {{ ${match[1]} }} is not supported by the local Auth (variables only: .ConfirmationURL, .Token, .TokenHash, .SiteURL, .RedirectTo, .Email, .Data.<key>)`);
    }
  }
}

export function renderTemplate(text: string, data: TemplateData, escape: (value: string) => string): string {
  return text.replace(placeholder, (_whole, expression: string) => {
    const [, name, key] = /^\.(\w+)(?:\.(\w+))?$/.exec(expression) ?? [];
    if (name === 'Data') {
      const value = key ? data.Data[key] : data.Data;
      return escape(value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));
    }
    const value = data[name as Exclude<keyof TemplateData, 'Data'>];
    return escape(typeof value === 'string' ? value : '');
  });
}

interface LoadedTemplate {
  subject: string;
  body: string;
}

function loadTemplates(settings: EmailSettings): Record<EmailTemplateType, LoadedTemplate> {
  const loaded = {} as Record<EmailTemplateType, LoadedTemplate>;
  for (const type of Object.keys(defaultSubjects) as EmailTemplateType[]) {
    const configured = settings.templates[type];
    let body = defaultBodies[type];
    if (configured?.contentPath) {
      const path = isAbsolute(configured.contentPath) ? configured.contentPath : join(projectRoot, configured.contentPath);
      try {
        body = readFileSync(path, 'utf8');
      } catch (error) {
        throw new StackError(`[auth.email.template.${type}] content_path ${configured.contentPath} could not be read: ${(error as Error).message}`);
      }
    }
    const subject = configured?.subject ?? defaultSubjects[type];
    checkTemplate(body, configured?.contentPath ?? `default ${type} template`);
    checkTemplate(subject, `[auth.email.template.${type}] subject`);
    loaded[type] = { subject, body };
  }
  return loaded;
}

export function createMailer(settings: EmailSettings): Mailer {
  const templates = loadTemplates(settings);
  const { smtp } = settings;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    // The local catcher speaks plain SMTP on the loopback address; a real server upgrades with STARTTLS.
    ignoreTLS: smtp.host === '127.0.0.1',
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
  });
  const from = smtp.senderName ? { name: smtp.senderName, address: smtp.adminEmail } : smtp.adminEmail;
  return {
    async send(type, to, data) {
      const template = templates[type];
      await transport.sendMail({
        from,
        to,
        subject: renderTemplate(template.subject, data, (value) => value),
        html: renderTemplate(template.body, data, escapeHtml),
      });
    },
  };
}
