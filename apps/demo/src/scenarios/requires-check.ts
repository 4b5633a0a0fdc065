/**
 * What scenarios 2 and 3 ask and check: every review headline starts with its product's name,
 * which the reviews service builds from the field it `@requires` (`nameLowercase`, then `name`).
 * A representation without the field the deployed resolver reads would make the headline fail.
 */
export const REVIEWS_QUERY = '{ topProducts { upc nameLowercase reviews { headline } } }';

interface Product {
  nameLowercase: string;
  reviews: { headline: string }[];
}

export function checkHeadlines(data: unknown): string | undefined {
  const products = (data as { topProducts?: Product[] }).topProducts;
  if (products?.length !== 5) return 'expected 5 products';
  for (const p of products)
    for (const r of p.reviews)
      if (!r.headline.startsWith(`${p.nameLowercase}: `))
        return `headline "${r.headline}" does not name ${p.nameLowercase}`;
  return undefined;
}

/** The `@requires` part of the reviews fetch in a printed plan: `... on Product { ... }`. */
export function reviewsRequires(plan: string): string {
  const fetch = plan.split('Fetch(service: "reviews")')[1] ?? '';
  const requires = /\{\s*\.\.\. on Product \{([^}]*)\}/.exec(fetch)?.[1] ?? '';
  return requires.replace(/\s+/g, ' ').trim();
}
