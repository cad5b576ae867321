import type { MetaFunction } from '@remix-run/node';

export const meta: MetaFunction = () => [
  { title: 'Support Hub — help when you need it' },
  { name: 'description', content: 'Chat with our assistant, follow a guided fix, or reach a technician.' },
];

export default function Index() {
  return (
    <main className="page hero">
      <h1>Support Hub</h1>
      <p>Chat with our assistant, follow a guided fix, or reach a technician — all in one place.</p>
      <div className="actions">
        <a className="button" href="/login">Sign in</a>
        <a className="button secondary" href="/signup">Create an account</a>
      </div>
    </main>
  );
}
