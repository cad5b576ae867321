-- Vault is pre-installed on every hosted Supabase project, so migrations read
-- vault.decrypted_secrets without creating the extension. The local stand-in
-- (local/extensions/supabase_vault) stores secrets UNENCRYPTED: local data only.
create extension if not exists supabase_vault;
