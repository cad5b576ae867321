/** The only values the browser receives (root loader `ENV`): both are public by design, RLS guards the data. */
export interface BrowserEnv {
  SUPABASE_URL: string;
  SUPABASE_ANON_KEY: string;
}
