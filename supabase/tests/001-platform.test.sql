-- The platform contract the migrations rely on: auth helpers read the request's JWT claims.
begin;
create extension if not exists pgtap with schema extensions;
select plan(4);

select has_function('auth', 'uid', 'auth.uid() exists');

set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"8b9a3c1e-1f7a-4c8e-9d55-0d6f1d2b3a41","role":"authenticated","email":"pat@example.com"}', true);
select is(auth.uid(), '8b9a3c1e-1f7a-4c8e-9d55-0d6f1d2b3a41'::uuid, 'auth.uid() returns the sub claim');
select is(auth.email(), 'pat@example.com', 'auth.email() returns the email claim');
select is(auth.role(), 'authenticated', 'auth.role() returns the role claim');

select * from finish();
rollback;
