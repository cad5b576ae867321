// An article's editable fields, as the editor's form produces them (app/lib/shared/kb-article-schema.ts) and the
// kb model writes them (app/models/kb.server.ts): a type only, below both.

// A type (not an interface) so it is a Record<string, unknown>, as parseForm's schemas must produce.
export type ArticleInput = {
  title: string;
  slug: string;
  category: string;
  solutionArea: string | null;
  vehicleContext: string | null;
  tags: string[];
  content: string;
  isPublished: boolean;
};
