-- Knowledge: solution areas, KB articles and their embedded chunks, troubleshooting guides, vehicles.
-- anon sees published articles and guides (a public help centre) and solution areas; admins manage all of it.

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.solution_areas (
  slug text primary key check (slug ~ '^[a-z0-9-]+$'),
  name text not null,
  description text not null,
  assistant_instructions text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.solution_areas is 'What a conversation is about (manufacturing, maintenance, support); each area has its own assistant instructions.';
comment on column public.solution_areas.slug is 'Stable key used by conversations, articles, guides and analytics.';
comment on column public.solution_areas.name is 'Display name.';
comment on column public.solution_areas.description is 'What the area covers, shown to customers when choosing.';
comment on column public.solution_areas.assistant_instructions is 'System prompt for the AI assistant in this area.';
comment on column public.solution_areas.created_at is 'When the area was created.';
comment on column public.solution_areas.updated_at is 'Last change, maintained by trigger.';

create table public.kb_articles (
  id uuid primary key default gen_random_uuid(),
  slug text unique not null check (slug ~ '^[a-z0-9-]+$'),
  title text not null check (length(trim(title)) > 0),
  content text not null,
  category text not null,
  solution_area text references public.solution_areas (slug) on update cascade on delete set null,
  vehicle_context text,
  tags text[] not null default '{}',
  is_published boolean not null default false,
  author_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.kb_articles is 'Knowledge-base articles (markdown). Published ones are public; every change re-queues embedding.';
comment on column public.kb_articles.id is 'Article id.';
comment on column public.kb_articles.slug is 'URL key, unique.';
comment on column public.kb_articles.title is 'Article title.';
comment on column public.kb_articles.content is 'Markdown body; chunked and embedded into kb_chunks.';
comment on column public.kb_articles.category is 'Topic such as automotive, billing, product.';
comment on column public.kb_articles.solution_area is 'Solution area the article belongs to.';
comment on column public.kb_articles.vehicle_context is 'Vehicle the article applies to (e.g. Toyota Camry 2015-2019), or null when generic.';
comment on column public.kb_articles.tags is 'Free tags for search and filtering.';
comment on column public.kb_articles.is_published is 'Visible to customers and anonymous visitors when true.';
comment on column public.kb_articles.author_id is 'Staff member who wrote the article.';
comment on column public.kb_articles.created_at is 'When the article was created.';
comment on column public.kb_articles.updated_at is 'Last change, maintained by trigger.';

create table public.kb_chunks (
  id bigint generated always as identity primary key,
  article_id uuid not null references public.kb_articles (id) on delete cascade,
  chunk_index integer not null check (chunk_index >= 0),
  content text not null,
  content_hash text not null default '',
  embedding extensions.vector(384),
  embedding_model text,
  created_at timestamptz not null default now(),
  unique (article_id, chunk_index),
  check ((embedding is null) = (embedding_model is null))
);
comment on table public.kb_chunks is 'Article chunks with their embeddings, the unit of retrieval.';
comment on column public.kb_chunks.id is 'Chunk id.';
comment on column public.kb_chunks.article_id is 'Article the chunk was cut from; chunks go with it.';
comment on column public.kb_chunks.chunk_index is 'Position of the chunk in the article, from 0.';
comment on column public.kb_chunks.content is 'Chunk text as embedded.';
comment on column public.kb_chunks.content_hash is 'Hash of content, so unchanged chunks are not re-embedded.';
comment on column public.kb_chunks.embedding is '384-dimension embedding; null until the embed job ran.';
comment on column public.kb_chunks.embedding_model is 'Model that produced the embedding (vectors of different models are not comparable).';
comment on column public.kb_chunks.created_at is 'When the chunk was written.';

create table public.guides (
  id uuid primary key default gen_random_uuid(),
  slug text unique not null check (slug ~ '^[a-z0-9-]+$'),
  title text not null check (length(trim(title)) > 0),
  description text not null default '',
  solution_area text references public.solution_areas (slug) on update cascade on delete set null,
  symptoms text[] not null default '{}',
  is_published boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.guides is 'Guided troubleshooting flows: a customer''s symptom is matched to a guide and walked through its steps.';
comment on column public.guides.id is 'Guide id.';
comment on column public.guides.slug is 'URL key, unique.';
comment on column public.guides.title is 'Guide title, copied into sessions at match time.';
comment on column public.guides.description is 'Short summary.';
comment on column public.guides.solution_area is 'Solution area of the guide.';
comment on column public.guides.symptoms is 'Symptoms the guide is matched against.';
comment on column public.guides.is_published is 'Visible to customers and anonymous visitors when true.';
comment on column public.guides.created_at is 'When the guide was created.';
comment on column public.guides.updated_at is 'Last change, maintained by trigger.';

create table public.guide_steps (
  id uuid primary key default gen_random_uuid(),
  guide_id uuid not null references public.guides (id) on delete cascade,
  position integer not null check (position > 0),
  instruction text not null,
  unique (guide_id, position)
);
comment on table public.guide_steps is 'Ordered steps of a guide.';
comment on column public.guide_steps.id is 'Step id.';
comment on column public.guide_steps.guide_id is 'Guide the step belongs to.';
comment on column public.guide_steps.position is 'Step number, from 1, unique per guide.';
comment on column public.guide_steps.instruction is 'What the customer is asked to do.';

create table public.vehicle_models (
  id bigint generated always as identity primary key,
  year integer not null check (year between 1900 and 2100),
  make text not null,
  model text not null,
  submodel text,
  engine_size text,
  cam_type text,
  body text,
  drive_type text
);
comment on table public.vehicle_models is 'Vehicle catalogue customers pick their vehicle from.';
comment on column public.vehicle_models.id is 'Catalogue row id.';
comment on column public.vehicle_models.year is 'Model year.';
comment on column public.vehicle_models.make is 'Manufacturer, e.g. Toyota.';
comment on column public.vehicle_models.model is 'Model, e.g. Camry.';
comment on column public.vehicle_models.submodel is 'Trim, e.g. LE.';
comment on column public.vehicle_models.engine_size is 'Engine displacement, e.g. 2.5L.';
comment on column public.vehicle_models.cam_type is 'Camshaft layout, e.g. DOHC.';
comment on column public.vehicle_models.body is 'Body style, e.g. Sedan.';
comment on column public.vehicle_models.drive_type is 'Drive type, e.g. FWD.';

create table public.customer_vehicles (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.profiles (id) on delete cascade,
  vehicle_model_id bigint references public.vehicle_models (id) on delete set null,
  year integer check (year between 1900 and 2100),
  make text,
  model text,
  vin text check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
  nickname text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (customer_id, vin)
);
comment on table public.customer_vehicles is 'Vehicles a customer owns; tickets can refer to one.';
comment on column public.customer_vehicles.id is 'Vehicle id.';
comment on column public.customer_vehicles.customer_id is 'Owner.';
comment on column public.customer_vehicles.vehicle_model_id is 'Catalogue entry, when picked from the catalogue.';
comment on column public.customer_vehicles.year is 'Model year.';
comment on column public.customer_vehicles.make is 'Manufacturer.';
comment on column public.customer_vehicles.model is 'Model.';
comment on column public.customer_vehicles.vin is 'Vehicle identification number: 17 upper-case letters and digits, never I, O or Q.';
comment on column public.customer_vehicles.nickname is 'Customer''s name for the vehicle.';
comment on column public.customer_vehicles.created_at is 'When the vehicle was added.';
comment on column public.customer_vehicles.updated_at is 'Last change, maintained by trigger.';

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index kb_articles_published_idx on public.kb_articles (solution_area, category) where is_published;
create index kb_articles_author_id_idx on public.kb_articles (author_id);
-- Cosine distance: embeddings are compared by direction, the models we use emit normalised vectors.
create index kb_chunks_embedding_idx on public.kb_chunks using hnsw (embedding extensions.vector_cosine_ops);
create index guides_solution_area_idx on public.guides (solution_area) where is_published;
create index vehicle_models_lookup_idx on public.vehicle_models (make, model, year);
create index customer_vehicles_vehicle_model_id_idx on public.customer_vehicles (vehicle_model_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
create trigger touch_updated_at before update on public.solution_areas for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.kb_articles for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.guides for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.customer_vehicles for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.is_published_guide(guide_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$ select exists (select 1 from public.guides guide where guide.id = guide_id and guide.is_published) $$;
comment on function private.is_published_guide(uuid) is 'True when the guide exists and is published.';
grant execute on function private.is_published_guide(uuid) to anon, authenticated, service_role;

create or replace function private.is_published_article(article_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$ select exists (select 1 from public.kb_articles article where article.id = article_id and article.is_published) $$;
comment on function private.is_published_article(uuid) is 'True when the article exists and is published.';
grant execute on function private.is_published_article(uuid) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Policies (admins manage the catalogue with one "for all" policy per table: the admin surface stays one line)
-- ---------------------------------------------------------------------------------------------------------------
alter table public.solution_areas enable row level security;
alter table public.kb_articles enable row level security;
alter table public.kb_chunks enable row level security;
alter table public.guides enable row level security;
alter table public.guide_steps enable row level security;
alter table public.vehicle_models enable row level security;
alter table public.customer_vehicles enable row level security;

create policy "Anyone can read solution areas" on public.solution_areas
  for select to anon, authenticated using (true);
create policy "Admins can manage solution areas" on public.solution_areas
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "Anyone can read published articles" on public.kb_articles
  for select to anon, authenticated using (is_published);
create policy "Staff can read all articles" on public.kb_articles
  for select to authenticated using ((select private.is_staff()));
create policy "Admins can manage articles" on public.kb_articles
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "Anyone can read chunks of published articles" on public.kb_chunks
  for select to anon, authenticated using (private.is_published_article(article_id));
create policy "Staff can read all chunks" on public.kb_chunks
  for select to authenticated using ((select private.is_staff()));
create policy "Admins can manage chunks" on public.kb_chunks
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "Anyone can read published guides" on public.guides
  for select to anon, authenticated using (is_published);
create policy "Staff can read all guides" on public.guides
  for select to authenticated using ((select private.is_staff()));
create policy "Admins can manage guides" on public.guides
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "Anyone can read steps of published guides" on public.guide_steps
  for select to anon, authenticated using (private.is_published_guide(guide_id));
create policy "Staff can read all guide steps" on public.guide_steps
  for select to authenticated using ((select private.is_staff()));
create policy "Admins can manage guide steps" on public.guide_steps
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "Signed-in users can read the vehicle catalogue" on public.vehicle_models
  for select to authenticated using (true);
create policy "Admins can manage the vehicle catalogue" on public.vehicle_models
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "Customers can read their own vehicles" on public.customer_vehicles
  for select to authenticated using (customer_id = (select auth.uid()));
create policy "Staff can read all vehicles" on public.customer_vehicles
  for select to authenticated using ((select private.is_staff()));
create policy "Customers can add their own vehicles" on public.customer_vehicles
  for insert to authenticated with check (customer_id = (select auth.uid()));
create policy "Customers can update their own vehicles" on public.customer_vehicles
  for update to authenticated using (customer_id = (select auth.uid())) with check (customer_id = (select auth.uid()));
create policy "Customers can delete their own vehicles" on public.customer_vehicles
  for delete to authenticated using (customer_id = (select auth.uid()));
